package org.drizzle.cmdlets.dotnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.management.FileItem;

/**
 * [System.IO.File] and [System.IO.Directory]: the static file helpers scripts call; [System.IO.FileInfo] and
 * [System.IO.DirectoryInfo] (Get-Item's objects) with Open/OpenRead/Delete and the FileMode/FileAccess/FileShare enums. As in .NET,
 * relative paths resolve against the process's working folder, not the script's location.
 */
final class FileTypes {
    /** System.IO.FileMode, for FileInfo.Open. */
    enum FileMode { CreateNew, Create, Open, OpenOrCreate, Truncate, Append }

    /** System.IO.FileAccess. */
    enum FileAccess { Read, Write, ReadWrite }

    /** System.IO.FileShare. */
    enum FileShare { None, Read, Write, ReadWrite, Delete, Inheritable }

    private FileTypes() {
    }

    static List<TypeAdapter> adapters() {
        TypeAdapter file = TypeAdapter.builder("System.IO.File")
                .method("Exists", 1, a -> a.get(0) != null && Files.isRegularFile(path(a.get(0))))
                .method("ReadAllText", 1, a -> io(a, p -> Files.readString(p, StandardCharsets.UTF_8)))
                .method("ReadAllLines", 1, a -> io(a, p -> Files.readAllLines(p, StandardCharsets.UTF_8).toArray()))
                .method("ReadAllBytes", 1, a -> io(a, Files::readAllBytes))
                .method("WriteAllText", 2, a -> io(a, p -> Files.writeString(p, str(a.get(1)), StandardCharsets.UTF_8)))
                .method("AppendAllText", 2, a -> io(a, p -> Files.writeString(p, str(a.get(1)), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)))
                .method("WriteAllLines", 2, a -> io(a, p -> Files.write(p, lines(a.get(1)), StandardCharsets.UTF_8)))
                .method("Delete", 1, a -> io(a, Files::deleteIfExists))
                .method("Copy", 2, a -> io(a, p -> Files.copy(p, path(a.get(1)))))
                .method("Copy", 3, a -> io(a, p -> LanguagePrimitives.isTrue(a.get(2))
                        ? Files.copy(p, path(a.get(1)), StandardCopyOption.REPLACE_EXISTING) : Files.copy(p, path(a.get(1)))))
                .method("Move", 2, a -> io(a, p -> Files.move(p, path(a.get(1)))))
                .build();
        TypeAdapter directory = TypeAdapter.builder("System.IO.Directory")
                .method("Exists", 1, a -> a.get(0) != null && Files.isDirectory(path(a.get(0))))
                .method("CreateDirectory", 1, a -> io(a, p -> Files.createDirectories(p).toString()))
                .method("GetFiles", 1, a -> io(a, p -> list(p, "*", true)))
                .method("GetFiles", 2, a -> io(a, p -> list(p, str(a.get(1)), true)))
                .method("GetDirectories", 1, a -> io(a, p -> list(p, "*", false)))
                .method("GetCurrentDirectory", 0, a -> System.getProperty("user.dir"))
                .build();
        TypeAdapter fileInfo = TypeAdapter.builder("System.IO.FileInfo")
                .constructor(1, a -> new FileItem(path(a.get(0))))
                .instances(v -> v instanceof FileItem f && !Files.isDirectory(f.path()))
                .converter(v -> v == null ? null : v instanceof FileItem ? v : new FileItem(path(v)))
                .build();
        TypeAdapter directoryInfo = TypeAdapter.builder("System.IO.DirectoryInfo")
                .constructor(1, a -> new FileItem(path(a.get(0))))
                .instances(v -> v instanceof FileItem f && Files.isDirectory(f.path()))
                .converter(v -> v == null ? null : v instanceof FileItem ? v : new FileItem(path(v)))
                .build();
        return List.of(file, directory, fileInfo, directoryInfo, EnumTypes.of("System.IO.FileMode", FileMode.class),
                EnumTypes.of("System.IO.FileAccess", FileAccess.class), EnumTypes.of("System.IO.FileShare", FileShare.class));
    }

    private static String str(Object v) {
        return v == null ? "" : LanguagePrimitives.toStr(v);
    }

    private static Path path(Object v) {
        return Path.of(str(v));
    }

    private static List<String> lines(Object v) {
        List<String> out = new ArrayList<>();
        LanguagePrimitives.toList(v).forEach(o -> out.add(str(o)));
        return out;
    }

    /** A file operation that may fail with an IOException. */
    private interface IoFunction {
        Object apply(Path p) throws IOException;
    }

    /** Runs {@code f} on the first argument's path; an IOException becomes an error naming the path, as .NET's do. */
    private static Object io(List<Object> a, IoFunction f) {
        Path p = path(a.get(0));
        try {
            Object r = f.apply(p);
            return r instanceof Boolean || r instanceof Path ? null : r;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("Could not find file '" + p.toAbsolutePath() + "'.", e);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UncheckedIOException("The file '" + e.getFile() + "' already exists.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("'" + p.toAbsolutePath() + "': " + e.getMessage(), e);
        }
    }

    /** Full paths of the files (or folders) directly in {@code dir} matching a * / ? pattern, sorted. */
    private static Object[] list(Path dir, String pattern, boolean files) throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, pattern)) {
            for (Path p : s) {
                if (Files.isDirectory(p) != files) {
                    out.add(p.toAbsolutePath().toString());
                }
            }
        }
        out.sort(null);
        return out.toArray();
    }
}
