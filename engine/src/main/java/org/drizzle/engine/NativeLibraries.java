package org.drizzle.engine;

import com.sun.jna.Platform;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where the engine's two native libraries (SQLite's and JNA's) are loaded from. By default each
 * is unpacked from its jar into the temp folder at every start (sqlite-jdbc also compares the copy
 * byte by byte and lists the whole temp folder for old copies): tens of milliseconds of every one-shot {@code bin/drizzle}
 * run. When the launcher names a per-user cache folder ({@code -Ddrizzle.cache}, one only this
 * account can write), each library is unpacked there once, named by its jar entry's CRC, and
 * loaded from there directly. Without the property, or with a folder that is not private, the
 * libraries' own unpacking runs as before. Neither library's platform probe starts a program at
 * every start either: sqlite-jdbc's (it runs {@code uname -o} to find its library in the jar) is
 * asked once and its answer kept in the cache, and JNA's ({@code ldconfig -p}, for its library
 * search path) is given the folder this JVM's own C library was loaded from.
 */
final class NativeLibraries {
    /** The launcher's per-user cache folder (bin/drizzle: $XDG_CACHE_HOME/drizzle). */
    static final String CACHE_PROPERTY = "drizzle.cache";
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraries.class);
    /** The C library's file, as /proc/self/maps names it (compiled once: the map has hundreds of lines). */
    private static final Pattern LIBC = Pattern.compile(".*/libc(-[0-9.]+)?\\.so(\\.[0-9]+)*");
    private static boolean done;

    private NativeLibraries() {
    }

    /** Points sqlite-jdbc and JNA at cached copies (made if missing); call before either loads. */
    static synchronized void useCache() {
        if (done) {
            return;
        }
        done = true;
        String cache = System.getProperty(CACHE_PROPERTY);
        if (cache != null && !cache.isBlank()) {
            properties(Path.of(cache)).forEach((k, v) -> {
                if (System.getProperty(k) == null) {
                    System.setProperty(k, v);
                }
            });
        }
    }

    /**
     * The system properties that load both libraries from {@code cache}/native, unpacking them
     * there if missing; empty when the folder is not private to this account or cannot be used.
     */
    static Map<String, String> properties(Path cache) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            Path folder = cache.resolve("native");
            if (!privateFolder(folder)) {
                return out;
            }
            String lib = LibraryLoaderUtil.getNativeLibName();
            String sqlite = cached(folder, SQLiteJDBCLoader.class, sqliteResource(folder, lib),
                    crc -> "sqlite-" + crc + "-" + lib);
            if (sqlite != null) {
                out.put("org.sqlite.lib.path", folder.toString());
                out.put("org.sqlite.lib.name", sqlite);
                // sqlite-jdbc sweeps its temp folder for stale copies before every load: a listing
                // of all of /tmp otherwise, where killed JVMs leave thousands of .lck files.
                out.put("org.sqlite.tmpdir", folder.toString());
            }
            String resource = "/com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName("jnidispatch");
            String[] base = new String[1];
            String jna = cached(folder, Platform.class, resource, crc -> System.mapLibraryName(base[0] = "jnidispatch-" + crc));
            if (jna != null) {
                out.put("jna.boot.library.path", folder.toString());
                out.put("jna.boot.library.name", base[0]);
            }
            String libc = libcFolder();
            if (libc != null) {
                out.put("jna.platform.library.path", String.join(File.pathSeparator, libc, "/usr/lib64", "/lib64", "/usr/lib", "/lib"));
            }
        } catch (IOException | RuntimeException e) {
            // The libraries' own unpacking still works; only start-up time is lost.
            LOG.debug("native library cache not used: {}", e.toString());
            out.clear();
        }
        return out;
    }

    /**
     * sqlite-jdbc's library in its jar for this machine, as its loader names it; the answer is
     * kept in {@code folder} per OS and architecture, since finding it runs {@code uname -o}.
     */
    private static String sqliteResource(Path folder, String lib) throws IOException {
        Path memo = folder.resolve("sqlite-resource-" + System.getProperty("os.name").replaceAll("[^A-Za-z0-9]", "")
                + "-" + System.getProperty("os.arch").replaceAll("[^A-Za-z0-9_]", ""));
        if (Files.isRegularFile(memo, LinkOption.NOFOLLOW_LINKS)) {
            String known = Files.readString(memo).trim();
            if (known.endsWith("/" + lib) && SQLiteJDBCLoader.class.getResource(known) != null) {
                return known;
            }
        }
        String at = LibraryLoaderUtil.getNativeLibResourcePath();
        String resource = (at.startsWith("/") ? "" : "/") + at + "/" + lib;
        Path part = Files.createTempFile(folder, "sqlite-resource", ".part");
        try {
            Files.writeString(part, resource);
            Files.move(part, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return resource;
    }

    /** The folder of the C library this process runs on (Linux, from /proc/self/maps), else null. */
    static String libcFolder() {
        if (!Platform.isLinux()) {
            return null;
        }
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.startsWith("/") && LIBC.matcher(file).matches())
                    .map(file -> Path.of(file).getParent().toString())
                    .findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The file name ({@code naming} of the entry's CRC in hex) of {@code resource} (next to
     * {@code owner}) in {@code folder}, unpacked there if missing; null when the resource is not a
     * jar entry (a build's class folders).
     */
    private static String cached(Path folder, Class<?> owner, String resource,
                                 UnaryOperator<String> naming) throws IOException {
        URL url = owner.getResource(resource);
        if (url == null) {
            return null;
        }
        URLConnection c = url.openConnection();
        if (!(c instanceof JarURLConnection jar)) {
            return null;
        }
        long crc = jar.getJarEntry().getCrc();
        long size = jar.getJarEntry().getSize();
        if (crc < 0 || size < 0) {
            return null;
        }
        String name = naming.apply(Long.toHexString(crc));
        Path lib = folder.resolve(name);
        if (!Files.isRegularFile(lib, LinkOption.NOFOLLOW_LINKS) || Files.size(lib) != size) {
            Path part = Files.createTempFile(folder, name, ".part");
            try (InputStream in = url.openStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        return name;
    }

    /**
     * True when {@code folder} exists or was made, and it and its parent belong to this account
     * and no one else can write there: a library loaded into the engine must never come from a
     * folder another user controls.
     */
    private static boolean privateFolder(Path folder) throws IOException {
        Path parent = folder.getParent();
        if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)
                || !Files.getFileStore(parent).supportsFileAttributeView("posix")) {
            return false;
        }
        Files.createDirectories(folder);
        String me = System.getProperty("user.name");
        for (Path p : new Path[] {parent, folder}) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isDirectory() || !a.owner().getName().equals(me)
                    || a.permissions().contains(PosixFilePermission.GROUP_WRITE)
                    || a.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
                return false;
            }
        }
        return true;
    }
}
