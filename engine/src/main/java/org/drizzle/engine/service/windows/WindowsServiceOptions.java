package org.drizzle.engine.service.windows;

import java.nio.file.Path;
import java.util.List;

/**
 * The machine service's settings on Windows, as `drizzle service install` takes them and bakes
 * them into the command line the SCM runs: the service name, and the store, configuration
 * folder and pipe (default {@code %ProgramData%\Drizzle\store}, {@code ...\config},
 * {@code \\.\pipe\drizzle}).
 */
public record WindowsServiceOptions(String name, Path store, Path config, String pipe) {
    public static final String DEFAULT_NAME = "Drizzle";

    /** %ProgramData%\Drizzle (C:\ProgramData\Drizzle when the variable is unset). */
    public static Path dataFolder() {
        String programData = System.getenv("ProgramData");
        return Path.of(programData != null && !programData.isBlank() ? programData : "C:\\ProgramData", "Drizzle");
    }

    /** The service's log file (the SCM gives a service no console). */
    public static Path logFile() {
        return dataFolder().resolve("logs").resolve("service.log");
    }

    /** Parses {@code --name, --store, --config, --socket} from {@code args[from]} on; IllegalArgumentException names a bad one. */
    public static WindowsServiceOptions parse(String[] args, int from) {
        String name = DEFAULT_NAME;
        Path store = dataFolder().resolve("store");
        Path config = dataFolder().resolve("config");
        String pipe = "\\\\.\\pipe\\drizzle";
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a.startsWith("--") ? a + " needs a value." : "Unexpected argument '" + a + "'.");
            }
            String v = args[++i];
            switch (a) {
                case "--name" -> name = serviceName(v);
                case "--store" -> store = Path.of(v).toAbsolutePath();
                case "--config" -> config = Path.of(v).toAbsolutePath();
                case "--socket" -> pipe = v;
                default -> throw new IllegalArgumentException("Unknown option '" + a + "' for the Windows service.");
            }
        }
        if (!pipe.startsWith("\\\\.\\pipe\\")) {
            throw new IllegalArgumentException("--socket '" + pipe + "' is not a local pipe name (\\\\.\\pipe\\...).");
        }
        return new WindowsServiceOptions(name, store, config, pipe);
    }

    /** The SCM key name: 1-256 characters, no slashes (the SCM refuses them). */
    static String serviceName(String name) {
        if (name.isEmpty() || name.length() > 256 || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("--name '" + name + "' is not a Windows service name (1-256 characters, no / or \\).");
        }
        return name;
    }

    /** The options again, for the SCM's command line. */
    public List<String> toArgs() {
        return List.of("--name", name, "--store", store.toString(), "--config", config.toString(), "--socket", pipe);
    }
}
