package org.drizzle.engine.service.windows;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.drizzle.engine.service.DrizzleService;
import org.drizzle.engine.service.LocalEngineHost;
import org.drizzle.engine.service.ServiceConfig;
import org.drizzle.engine.service.ServiceMode;

/**
 * The program the Service Control Manager starts for `drizzle service install`'s service: the
 * machine-mode Drizzle service under {@link WindowsServiceHost}, logging to
 * {@code %ProgramData%\Drizzle\logs\service.log} (set on the command line by the installer).
 */
public final class WindowsServiceMain {
    private WindowsServiceMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    static int run(String[] args, PrintStream err) {
        WindowsServiceOptions options;
        ServiceConfig config;
        try {
            options = WindowsServiceOptions.parse(args, 0);
            Files.createDirectories(WindowsServiceOptions.logFile().getParent());
            config = ServiceConfig.defaults(ServiceMode.MACHINE)
                    .withPaths(options.store(), Path.of(options.pipe()), options.config()).withFileSettings();
        } catch (IllegalArgumentException | IOException e) {
            err.println("drizzle service: " + e.getMessage());
            return 2;
        }
        DrizzleService service = new DrizzleService(config, LocalEngineHost.factory());
        int rc = WindowsServiceHost.run(options.name(), new WindowsServiceHost.Body() {
            @Override
            public void start() throws Exception {
                service.start();
            }

            @Override
            public void stop(String why) {
                service.stop();
            }

            @Override
            public boolean awaitTermination(Duration timeout) throws InterruptedException {
                return service.awaitTermination(timeout);
            }
        });
        if (rc == 2) {
            err.println("drizzle service: this program runs when the Service Control Manager starts the '" + options.name()
                    + "' service (drizzle service start); to run the service in this console use drizzle service run --machine.");
        }
        return rc;
    }
}
