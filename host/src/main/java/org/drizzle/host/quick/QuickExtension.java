package org.drizzle.host.quick;

import java.io.IOException;
import java.nio.file.Files;
import org.drizzle.engine.service.EngineHost;
import org.drizzle.engine.service.ServiceContext;
import org.drizzle.engine.service.ServiceExtension;
import org.drizzle.engine.service.ServiceMode;

/**
 * Adds the quick path to a per-user service on Linux: a {@link QuickServer} whose port file
 * sits next to the service's socket ({@link QuickProtocol#portFileFor}). Registered in
 * META-INF/services, so a service started with the host on its class path (bin/drizzle,
 * {@code -Asynchronous}'s detached service) has it; the machine service never does.
 */
public final class QuickExtension implements ServiceExtension {
    @Override
    public Running start(ServiceContext context, EngineHost engine) throws IOException {
        // without the kernel's socket table (not Linux) there is no telling who connects
        if (context.config().mode() != ServiceMode.USER || !Files.isReadable(TcpConnectionOwner.TCP)) {
            return null;
        }
        QuickServer server = new QuickServer(QuickProtocol.portFileFor(context.config().socket()), engine, context.authorizer());
        server.start();
        return server;
    }
}
