package org.drizzle.host.quick;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The quick path's client: a JVM that loads only JDK classes and this package's wire code,
 * hands one drizzle command line (with the working directory, environment and whether the
 * console is interactive) to the per-user service's quick socket, and copies the output back.
 * Ctrl+C asks the service to stop the command (a synchronous transfer is cancelled, as in the
 * full host); a second Ctrl+C leaves at once with 130.
 *
 * <p>{@code java -cp drizzle-host.jar org.drizzle.host.quick.QuickClient <quick-socket> [drizzle args]}.
 * It exits {@link QuickProtocol#FALLBACK_EXIT} having run nothing when there is no service, it
 * speaks another protocol version, or it declines the command; bin/drizzle then runs the full host.
 * A command that really ends with that code also creates the file named by
 * {@code -Ddrizzle.quick.marker}, so bin/drizzle can tell the two apart and never runs a command
 * twice. {@code -Ddrizzle.quick.console=true|false} passes what the shell already knows (stdin and
 * stdout are a terminal), which spares the client {@code System.console()}.
 *
 * <p>Start-up matters more than style here: no lambdas or string concatenation on the way
 * (each would bootstrap invokedynamic), and bin/drizzle names the selector provider so the JDK
 * does not scan the class path for one.
 */
public final class QuickClient {
    /** Set when the command itself ended with the code that otherwise means "fall back". */
    private static final AtomicBoolean REAL_EXIT_254 = new AtomicBoolean();
    private final SocketChannel channel;
    private final DataOutputStream toService;
    private volatile boolean cancelled;

    private QuickClient(SocketChannel channel) {
        this.channel = channel;
        this.toService = new DataOutputStream(new BufferedOutputStream(QuickProtocol.out(channel), 1 << 16));
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: QuickClient <quick-socket> [drizzle arguments]");
            System.exit(2);
        }
        int code = run(Path.of(args[0]), Arrays.copyOfRange(args, 1, args.length));
        String marker = System.getProperty("drizzle.quick.marker");
        if (code == QuickProtocol.FALLBACK_EXIT && REAL_EXIT_254.get() && marker != null) {
            try {
                Files.createFile(Path.of(marker));
            } catch (IOException e) {
                System.err.println("drizzle: cannot create " + marker + ": " + e.getMessage());
            }
        }
        System.exit(code);
    }


    static int run(Path socket, String[] drizzleArgs) {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            return QuickProtocol.FALLBACK_EXIT;
        }
        try (ch) {
            return new QuickClient(ch).exchange(drizzleArgs);
        } catch (IOException e) {
            return QuickProtocol.FALLBACK_EXIT;
        }
    }

    /** Runs the request; IOException only while nothing has run (the caller falls back). */
    private int exchange(String[] drizzleArgs) throws IOException {
        DataInputStream fromService = new DataInputStream(new BufferedInputStream(QuickProtocol.in(channel), 1 << 16));
        if (QuickProtocol.readVersion(fromService) != QuickProtocol.VERSION) {
            return QuickProtocol.FALLBACK_EXIT;
        }
        String console = System.getProperty("drizzle.quick.console");
        QuickRequest request = new QuickRequest(Arrays.asList(drizzleArgs), Path.of("").toAbsolutePath().toString(),
                System.getenv(), console != null ? Boolean.parseBoolean(console) : System.console() != null);
        byte[] payload = request.encode();
        QuickProtocol.writeFrame(toService, QuickProtocol.REQUEST, payload, 0, payload.length);
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        boolean started = false;
        try {
            QuickProtocol.Frame f;
            while ((f = QuickProtocol.readFrame(fromService)) != null) {
                if (!started) {
                    if (f.type() == QuickProtocol.FALLBACK) {
                        return QuickProtocol.FALLBACK_EXIT;
                    }
                    started = true; // the command runs now: never fall back (it would run twice)
                    onCtrlC();
                }
                switch (f.type()) {
                    case QuickProtocol.STARTED -> { }
                    case QuickProtocol.STDOUT -> out.write(f.payload());
                    case QuickProtocol.STDERR -> err.write(f.payload());
                    case QuickProtocol.EXIT -> {
                        int code = ByteBuffer.wrap(f.payload()).getInt();
                        REAL_EXIT_254.set(code == QuickProtocol.FALLBACK_EXIT);
                        return code;
                    }
                    default -> throw new IOException("unexpected frame '" + (char) f.type() + "'");
                }
            }
        } catch (IOException e) {
            if (!started) {
                throw e;
            }
            System.err.println("drizzle: lost the connection to the Drizzle service (" + e.getMessage() + ").");
            return 1;
        }
        if (!started) {
            return QuickProtocol.FALLBACK_EXIT; // gone before running anything
        }
        System.err.println("drizzle: lost the connection to the Drizzle service before the command finished.");
        return cancelled ? 130 : 1;
    }

    /** First Ctrl+C: a cancel frame (the command stops as in the full host); second: leave now. */
    private void onCtrlC() {
        try {
            Signal.handle(new Signal("INT"), new SignalHandler() {
                @Override
                public void handle(Signal s) {
                    if (cancelled) {
                        Runtime.getRuntime().halt(130);
                    }
                    cancelled = true;
                    try {
                        QuickProtocol.writeFrame(toService, QuickProtocol.CANCEL, new byte[0], 0, 0);
                    } catch (IOException e) {
                        Runtime.getRuntime().halt(130);
                    }
                }
            });
        } catch (IllegalArgumentException e) {
            // no SIGINT here: Ctrl+C keeps its default effect
        }
    }
}
