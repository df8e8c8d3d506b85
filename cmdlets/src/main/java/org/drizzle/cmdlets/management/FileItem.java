package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.drizzle.cmdlets.format.DefaultView;
import org.drizzle.cmdlets.lang.PropertyBag;

/**
 * A file or folder as Get-ChildItem and New-Item return it (FileInfo/DirectoryInfo): Name,
 * FullName, Length, LastWriteTime, Mode, Extension, BaseName, DirectoryName, PSIsContainer.
 */
public final class FileItem implements PropertyBag, DefaultView {
    private static final List<String> NAMES = List.of("Name", "FullName", "Length", "LastWriteTime", "Mode",
            "Extension", "BaseName", "DirectoryName", "PSIsContainer", "Exists");
    private final Path path;

    public FileItem(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    public Path path() {
        return path;
    }

    @Override
    public List<String> propertyNames() {
        return NAMES;
    }

    @Override
    public List<String> defaultProperties() {
        return List.of("Mode", "LastWriteTime", "Length", "Name");
    }

    @Override
    public Object getProperty(String name) {
        boolean dir = Files.isDirectory(path);
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return switch (name.toLowerCase()) {
            case "name" -> file;
            case "fullname" -> path.toString();
            case "length" -> dir ? null : size();
            case "lastwritetime" -> modified();
            case "mode" -> (dir ? "d" : "-") + (Files.isWritable(path) ? "----" : "-r--");
            case "extension" -> dir || dot <= 0 ? "" : file.substring(dot);
            case "basename" -> dir || dot <= 0 ? file : file.substring(0, dot);
            case "directoryname" -> path.getParent() == null ? null : path.getParent().toString();
            case "psiscontainer" -> dir;
            case "exists" -> Files.exists(path);
            default -> null;
        };
    }

    private Long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return null;
        }
    }

    private OffsetDateTime modified() {
        try {
            return Files.getLastModifiedTime(path).toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
        } catch (IOException e) {
            return null;
        }
    }

    /** FileInfo.Open(mode[, access[, share]]): access defaults to ReadWrite (Read for Open-only), share to None. */
    public FileStream Open(Object mode) {
        return FileStream.open(path, String.valueOf(mode), "ReadWrite", "None");
    }

    public FileStream Open(Object mode, Object access) {
        return FileStream.open(path, String.valueOf(mode), String.valueOf(access), "None");
    }

    public FileStream Open(Object mode, Object access, Object share) {
        return FileStream.open(path, String.valueOf(mode), String.valueOf(access), String.valueOf(share));
    }

    public FileStream OpenRead() {
        return FileStream.open(path, "Open", "Read", "Read");
    }

    /** FileInfo/DirectoryInfo.Delete(): a missing file is not an error, as in .NET. */
    public void Delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The full path, as a FileInfo prints in a string. */
    @Override
    public String toString() {
        return path.toString();
    }
}
