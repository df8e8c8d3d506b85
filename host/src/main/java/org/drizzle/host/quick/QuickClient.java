package org.drizzle.host.quick;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drizzle.engine.wire.FramedConnection;
import org.drizzle.engine.wire.WireLimits;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The quick path's client: a JVM that loads only JDK classes, this package's client code and the
 * engine's JDK-only {@link FramedConnection},
 * hands one drizzle command line (with the working directory, environment and whether the
 * console is interactive) to the per-user service over loopback TCP, and copies the output back.
 * It reads the port and tokens from the service's port file itself (a command line is readable
 * by every user in /proc), only if that file is the caller's own and private ({@link PortFile}),
 * and sends nothing until the service has shown the service token, so a
 * port left behind by a crashed service and taken by another program learns nothing.
 *
 * <p>{@code java -cp drizzle-host.jar:drizzle-engine.jar org.drizzle.host.quick.QuickClient <port-file> [drizzle args]}.
 * It exits {@link QuickProtocol#FALLBACK_EXIT} having run nothing when there is no service or no
 * trusted port file, it
 * runs as another user or speaks another protocol version, either token is refused, or it declines
 * the command; bin/drizzle then runs the full host.
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
    private final FramedConnection wire;
    private volatile boolean cancelled;

    private QuickClient(SocketChannel channel) {
        this.wire = new FramedConnection(channel, WireLimits.trusting(QuickProtocol.MAX_FRAME), 64, "drizzle-quick");
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: QuickClient <port-file> [drizzle arguments]");
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


    static int run(Path portFile, String[] drizzleArgs) {
        SocketChannel ch;
        byte[] token;
        byte[] serviceToken;
        try {
            // "<port> <token> <service-token>", written by the service (QuickServer); only from a private file
            String[] published = PortFile.read(portFile);
            if (published == null) {
                return QuickProtocol.FALLBACK_EXIT;
            }
            token = published[1].getBytes(StandardCharsets.US_ASCII);
            serviceToken = published[2].getBytes(StandardCharsets.US_ASCII);
            ch = SocketChannel.open(StandardProtocolFamily.INET);
            try {
                ch.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), Integer.parseInt(published[0])));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            return QuickProtocol.FALLBACK_EXIT;
        }
        try (ch) {
            return new QuickClient(ch).exchange(token, serviceToken, drizzleArgs);
        } catch (IOException e) {
            return QuickProtocol.FALLBACK_EXIT;
        }
    }

    /** Runs the request; IOException only while nothing has run (the caller falls back). */
    private int exchange(byte[] token, byte[] serviceToken, String[] drizzleArgs) throws IOException {
        byte[] hello = wire.read(1 + QuickProtocol.TOKEN_LENGTH);
        if (hello == null || hello.length != 1 + QuickProtocol.TOKEN_LENGTH || hello[0] != QuickProtocol.VERSION
                || !MessageDigest.isEqual(Arrays.copyOfRange(hello, 1, hello.length), serviceToken)) {
            return QuickProtocol.FALLBACK_EXIT; // another build's service, or not our service at all
        }
        wire.send(QuickProtocol.frame(QuickProtocol.AUTH, token, 0, token.length));
        String console = System.getProperty("drizzle.quick.console");
        QuickRequest request = new QuickRequest(Arrays.asList(drizzleArgs), Path.of("").toAbsolutePath().toString(),
                System.getenv(), console != null ? Boolean.parseBoolean(console) : System.console() != null);
        byte[] payload = request.encode();
        wire.send(QuickProtocol.frame(QuickProtocol.REQUEST, payload, 0, payload.length));
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        boolean started = false;
        try {
            byte[] f;
            while ((f = wire.read()) != null) {
                if (f.length == 0) {
                    throw new IOException("empty frame");
                }
                if (!started) {
                    if (f[0] == QuickProtocol.FALLBACK) {
                        return QuickProtocol.FALLBACK_EXIT;
                    }
                    started = true; // the command runs now: never fall back (it would run twice)
                    onCtrlC();
                }
                switch (f[0]) {
                    case QuickProtocol.STARTED -> { }
                    case QuickProtocol.STDOUT -> out.write(f, 1, f.length - 1);
                    case QuickProtocol.STDERR -> err.write(f, 1, f.length - 1);
                    case QuickProtocol.EXIT -> {
                        int code = ByteBuffer.wrap(f, 1, 4).getInt();
                        REAL_EXIT_254.set(code == QuickProtocol.FALLBACK_EXIT);
                        return code;
                    }
                    default -> throw new IOException("unexpected frame '" + (char) f[0] + "'");
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
                        wire.send(QuickProtocol.frame(QuickProtocol.CANCEL));
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
