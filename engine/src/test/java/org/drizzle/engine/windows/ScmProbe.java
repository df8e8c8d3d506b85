package org.drizzle.engine.windows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.service.windows.WindowsServiceHost;

/**
 * A service body for the SCM tests, run by WindowsServiceHost in a process the SCM starts: it
 * appends what happens ("started", "stop:&lt;control&gt;", "exit:&lt;code&gt;") to a journal file.
 */
public final class ScmProbe {
    private ScmProbe() {
    }

    public static void main(String[] args) {
        String name = args[0];
        Path journal = Path.of(args[1]);
        CountDownLatch stopped = new CountDownLatch(1);
        int rc = WindowsServiceHost.run(name, new WindowsServiceHost.Body() {
            @Override
            public void start() {
                append(journal, "started " + ProcessHandle.current().pid());
            }

            @Override
            public void stop(String why) {
                append(journal, "stop:" + why);
                stopped.countDown();
            }

            @Override
            public boolean awaitTermination(Duration timeout) throws InterruptedException {
                return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        append(journal, "exit:" + rc);
        System.exit(rc);
    }

    static void append(Path journal, String line) {
        try {
            Files.writeString(journal, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
