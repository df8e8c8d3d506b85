package org.drizzle.host.bitsadmin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.notify.NotifyCommandLine;
import org.drizzle.host.engine.EmbeddedEngine;
import org.drizzle.host.engine.EngineLocations;

/**
 * bitsadmin command lines run in-process against a real embedded engine on a private store,
 * one engine for the rig's life (as a service would be). {@link #normalise} replaces what
 * differs from run to run (GUIDs in order of appearance, times, the temp folder, the server's
 * URL, the user) so output can be compared with golden files.
 */
final class BitsAdminRig implements AutoCloseable {
    private static final Pattern GUID = Pattern.compile("(\\{?)([0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})(}?)");
    private static final Pattern TEMP_NAME = Pattern.compile("\\.BIT[0-9A-F]+\\.tmp");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M");

    /** One command's output and exit code. */
    record Run(String out, int exitCode) {
    }

    private final EngineClient engine;
    private final Map<String, String> guids = new LinkedHashMap<>();
    private final Map<String, String> replacements = new LinkedHashMap<>();

    BitsAdminRig(Path dir) throws Exception {
        engine = EmbeddedEngine.open(new EngineLocations(dir.resolve("machine.sock"), dir.resolve("user.sock"),
                dir.resolve("store")), false);
    }

    EngineClient engine() {
        return engine;
    }

    /** Text to show as {@code name} in normalised output (longest first is the caller's care). */
    BitsAdminRig replace(String text, String name) {
        replacements.put(text, name);
        return this;
    }

    Run run(List<String> args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = new BitsAdmin(out, () -> engine, Duration.ofMillis(50)).run(args);
        return new Run(bytes.toString(StandardCharsets.UTF_8), code);
    }

    /** A batch-style line: {@code bitsadmin /switch args}, split by Windows command-line rules. */
    Run run(String commandLine) {
        List<String> words = new ArrayList<>(NotifyCommandLine.split(commandLine));
        words.remove(0);
        return run(words);
    }

    String normalise(String text) {
        String t = text;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            t = t.replace(r.getKey(), r.getValue());
        }
        Matcher m = GUID.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = guids.computeIfAbsent(m.group(2).toUpperCase(java.util.Locale.ROOT), g -> "GUID-" + (guids.size() + 1));
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + name + m.group(4)));
        }
        m.appendTail(sb);
        String timed = TIME.matcher(sb.toString()).replaceAll("<TIME>");
        return TEMP_NAME.matcher(timed).replaceAll(".BIT<TEMP>.tmp");
    }

    @Override
    public void close() {
        engine.close();
    }
}
