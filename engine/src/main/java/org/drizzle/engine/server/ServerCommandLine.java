package org.drizzle.engine.server;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** {@code drizzle server} flags (Commons CLI) turned into a running {@link BitsServer}. */
public final class ServerCommandLine {
    private ServerCommandLine() {
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("root").hasArg().argName("dir").desc("folder the virtual directory maps to (required)").get());
        o.addOption(Option.builder().longOpt("port").hasArg().argName("n").desc("listen port (default 8080; 0 = any free port)").get());
        o.addOption(Option.builder().longOpt("address").hasArg().argName("ip").desc("listen address (default 127.0.0.1)").get());
        o.addOption(Option.builder().longOpt("prefix").hasArg().argName("path").desc("URL path of the virtual directory (default /)").get());
        o.addOption(Option.builder().longOpt("max-upload-size").hasArg().argName("bytes").desc("BITSMaximumUploadSize: largest upload in bytes (default 4294967296, 4 GiB)").get());
        o.addOption(Option.builder().longOpt("allow-overwrites").desc("BITSAllowOverwrites: replace existing files").get());
        o.addOption(Option.builder().longOpt("disable-uploads").desc("serve downloads only; BITS_POST gets 501").get());
        o.addOption(Option.builder().longOpt("session-timeout").hasArg().argName("seconds").desc("BITSSessionTimeout: idle sessions and their partial uploads are deleted after this (default 1209600)").get());
        o.addOption(Option.builder().longOpt("max-sessions-per-client").hasArg().argName("n").desc("upload sessions one client address (IPv6: one /64) may hold (default " + BitsServer.DEFAULT_MAX_SESSIONS_PER_CLIENT + ")").get());
        o.addOption(Option.builder().longOpt("max-sessions").hasArg().argName("n").desc("upload sessions the server holds in all (default " + BitsServer.DEFAULT_MAX_SESSIONS + ")").get());
        o.addOption(Option.builder().longOpt("notification-url").hasArg().argName("url").desc("back-end application for upload-reply").get());
        o.addOption(Option.builder().longOpt("notification-type").hasArg().argName("reference|value").desc("how the back-end receives uploads (default reference)").get());
        o.addOption(Option.builder().longOpt("host-id").hasArg().argName("host").desc("BITSHostId sent on Create-Session").get());
        o.addOption(Option.builder().longOpt("host-id-fallback-timeout").hasArg().argName("seconds").desc("BITSHostIdFallbackTimeout").get());
        o.addOption(Option.builder().longOpt("user").hasArg().argName("name").desc("require HTTP Basic authentication as this user; password from $DRIZZLE_SERVER_PASSWORD").get());
        o.addOption(Option.builder().longOpt("tls-keystore").hasArg().argName("file.p12").desc("serve HTTPS with this PKCS#12 key store; its password from $DRIZZLE_KEYSTORE_PASSWORD").get());
        o.addOption(Option.builder().longOpt("help").desc("show this help").get());
        return o;
    }

    /** Parses, starts the server and blocks; returns the exit code (2 for bad flags). */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Options options = options();
        CommandLine cl;
        BitsServer server;
        try {
            cl = new DefaultParser().parse(options, args);
            if (cl.hasOption("help")) {
                help(options, out);
                return 0;
            }
            server = build(cl);
        } catch (ParseException | IllegalArgumentException e) {
            err.println("drizzle server: " + e.getMessage() + " (see --help)");
            return 2;
        }
        server.start();
        out.println("BITS server listening on " + server.baseUri() + " (root " + cl.getOptionValue("root") + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bits-server-stop"));
        server.awaitTermination();
        return 0;
    }

    /** The server the flags describe, not yet started. */
    public static BitsServer build(String... args) throws Exception {
        return build(new DefaultParser().parse(options(), args));
    }

    static BitsServer build(CommandLine cl) throws Exception {
        if (!cl.hasOption("root")) {
            throw new IllegalArgumentException("--root is required.");
        }
        Path root = Path.of(cl.getOptionValue("root"));
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("--root '" + root + "' is not a folder.");
        }
        VirtualDirectory v = VirtualDirectory.of(cl.getOptionValue("prefix", "/"), root)
                .withAllowOverwrites(cl.hasOption("allow-overwrites"))
                .withUploadsEnabled(!cl.hasOption("disable-uploads"))
                .withMaxUploadSize(number(cl, "max-upload-size", VirtualDirectory.DEFAULT_MAX_UPLOAD_SIZE))
                .withSessionTimeout(Duration.ofSeconds(number(cl, "session-timeout", VirtualDirectory.DEFAULT_SESSION_TIMEOUT.toSeconds())));
        if (cl.hasOption("notification-url")) {
            String type = cl.getOptionValue("notification-type", "reference");
            NotificationType t = switch (type) {
                case "reference" -> NotificationType.BY_REFERENCE;
                case "value" -> NotificationType.BY_VALUE;
                default -> throw new IllegalArgumentException("--notification-type '" + type + "' must be reference or value.");
            };
            v = v.withNotification(t, URI.create(cl.getOptionValue("notification-url")));
        }
        BitsServer.Builder b = BitsServer.builder()
                .virtualDirectory(v)
                .maxSessionsPerClient(count(cl, "max-sessions-per-client", BitsServer.DEFAULT_MAX_SESSIONS_PER_CLIENT))
                .maxSessions(count(cl, "max-sessions", BitsServer.DEFAULT_MAX_SESSIONS))
                .port((int) number(cl, "port", 8080))
                .listenAddress(InetAddress.getByName(cl.getOptionValue("address", "127.0.0.1")));
        if (cl.hasOption("host-id")) {
            b.hostId(cl.getOptionValue("host-id"), cl.hasOption("host-id-fallback-timeout")
                    ? number(cl, "host-id-fallback-timeout", 0) : null);
        }
        if (cl.hasOption("user")) {
            String password = System.getenv("DRIZZLE_SERVER_PASSWORD");
            if (password == null) {
                throw new IllegalArgumentException("--user needs the password in $DRIZZLE_SERVER_PASSWORD.");
            }
            b.basicAuth(cl.getOptionValue("user"), password);
        }
        if (cl.hasOption("tls-keystore")) {
            b.tls(tls(Path.of(cl.getOptionValue("tls-keystore")), System.getenv("DRIZZLE_KEYSTORE_PASSWORD")));
        }
        return b.build();
    }

    /** An SSL context serving the first key in a PKCS#12 store. */
    public static SSLContext tls(Path keystore, String password) throws Exception {
        char[] pw = password == null ? new char[0] : password.toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, pw);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static long number(CommandLine cl, String name, long dflt) {
        String v = cl.getOptionValue(name);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " '" + v + "' is not a non-negative whole number.");
        }
    }

    private static int count(CommandLine cl, String name, int dflt) {
        long n = number(cl, name, dflt);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + name + " '" + cl.getOptionValue(name) + "' must be a whole number from 1 to " + Integer.MAX_VALUE + ".");
        }
        return (int) n;
    }

    private static void help(Options options, PrintStream to) {
        try {
            org.apache.commons.cli.help.HelpFormatter.builder()
                    .setShowSince(false)
                    .setHelpAppendable(new org.apache.commons.cli.help.TextHelpAppendable(to)).get()
                    .printHelp("drizzle server --root DIR [--port N] [options]",
                            "Runs a compact BITS upload server (BITS_POST uploads, GET/HEAD downloads).", options, "", false);
        } catch (java.io.IOException e) {
            to.println(e.getMessage());
        }
        to.flush();
    }
}
