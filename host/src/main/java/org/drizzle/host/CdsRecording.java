package org.drizzle.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The run that records the AppCDS archive (bin/drizzle sets {@value #PROPERTY} beside
 * {@code -XX:ArchiveClassesAtExit}) archives only the classes it happened to load: were it a
 * {@code Get-Date}, every later download would load the engine, HTTP and store classes from the
 * jars again. So before that run exits, the classes a download, a script and a listing load
 * ({@value #LIST}, made by bench/cds-class-list.sh) are loaded and linked too, not initialised.
 */
final class CdsRecording {
    static final String PROPERTY = "drizzle.cds.record";
    static final String LIST = "cds-classes.txt";

    private CdsRecording() {
    }

    /** When this run records the archive, loads the listed classes at exit (before the JVM dumps it). */
    static void loadListedClassesAtExit() {
        if (Boolean.getBoolean(PROPERTY)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> loadListedClasses(), "drizzle-cds-record"));
        }
    }

    /** Loads and links every listed class this class path has; returns the names of those it has not. */
    static List<String> loadListedClasses() {
        List<String> missing = new ArrayList<>();
        ClassLoader loader = CdsRecording.class.getClassLoader();
        try (InputStream in = CdsRecording.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return List.of(LIST);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = lines.readLine(); name != null; name = lines.readLine()) {
                try {
                    // Linked, not initialised: the JDK 17 dump skips classes that are loaded but
                    // not linked, and asking for the constructors links a class (JVM_GetClassDeclaredConstructors).
                    Class.forName(name, false, loader).getDeclaredConstructors();
                } catch (ClassNotFoundException | LinkageError e) {
                    // another platform's class, or one a later build renamed: only start-up time is lost
                    missing.add(name);
                }
            }
        } catch (IOException e) {
            missing.add(LIST);
        }
        return missing;
    }
}
