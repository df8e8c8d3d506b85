package org.drizzle.engine.service;

import java.util.List;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.identity.Authorizer;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.SessionMonitor;
import org.drizzle.engine.notify.SystemLog;

/** What the service hands the engine it hosts: identity, conditions and where to log. */
public record ServiceContext(ServiceConfig config, Impersonator impersonator, SessionMonitor sessions,
                             List<RunCondition> runConditions, Authorizer authorizer, SystemLog systemLog) {
}
