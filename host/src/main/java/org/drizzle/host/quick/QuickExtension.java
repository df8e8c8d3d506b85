package org.drizzle.host.quick;

import java.io.IOException;
import org.drizzle.engine.service.EngineHost;
import org.drizzle.engine.service.ServiceContext;
import org.drizzle.engine.service.ServiceExtension;
import org.drizzle.engine.service.ServiceMode;

/**
 * Adds the quick path to a per-user service on Linux/Unix: a {@link QuickServer} on the socket
 * next to the service's ({@link QuickProtocol#socketFor}). Registered in
 * META-INF/services, so a service started with the host on its class path (bin/drizzle,
 * {@code -Asynchronous}'s detached service) has it; the machine service never does.
 */
public final class QuickExtension implements ServiceExtension {
    @Override
    public Running start(ServiceContext context, EngineHost engine) throws IOException {
        if (context.config().mode() != ServiceMode.USER || java.io.File.separatorChar == '\\') {
            return null;
        }
        QuickServer server = new QuickServer(QuickProtocol.socketFor(context.config().socket()), engine, context.authorizer());
        server.start();
        return server;
    }
}
