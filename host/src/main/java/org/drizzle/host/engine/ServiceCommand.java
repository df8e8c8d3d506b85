package org.drizzle.host.engine;

import org.drizzle.engine.service.ServiceMain;

/**
 * {@code drizzle service run|stop|status [options]}: the host's entry to the service (see
 * docs/service.md). {@code run} blocks until the service stops.
 */
public final class ServiceCommand {
    private ServiceCommand() {
    }

    /** Runs the sub-command; returns the process exit code (0 ok, 1 failed, 2 usage, 3 no service). */
    public static int run(String[] args) {
        return ServiceMain.run(args, System.out, System.err);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
