package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/**
 * Compress-Archive: zips files and folders (a folder keeps its own name as the top entry; {@code dir/*}
 * zips its contents). The archive is written to a temporary file and renamed into place.
 */
@Cmdlet(verb = "Compress", noun = "Archive", supportsShouldProcess = true, synopsis = "Creates a zip archive from files and folders.",
        description = "Adds every -Path item (wildcards allowed) to the zip at -DestinationPath ('.zip' is added if "
                + "missing). An existing archive is replaced only with -Force.")
@Example(code = "Compress-Archive -Path $logs\\* -DestinationPath $drop\\logs.zip -Force", remarks = "Zips a log folder's contents.")
public class CompressArchiveCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, valueFromPipelineByPropertyName = true,
            aliases = {"FullName", "LiteralPath", "PSPath", "LP"}, help = "The files and folders to add.")
    String[] path;
    @Parameter(position = 1, mandatory = true, help = "The zip file to create.")
    String destinationPath;
    @Parameter(validateSet = {"Optimal", "Fastest", "NoCompression"}, help = "Optimal (default), Fastest or NoCompression.")
    String compressionLevel = "Optimal";
    @Parameter(help = "Replace an existing archive.")
    boolean force;
    @Parameter(help = "Add to an existing archive (created if missing): entries of the same name are replaced, the others kept.")
    boolean update;
    @Parameter(help = "Output the archive file.")
    boolean passThru;

    private final List<Path> sources = new ArrayList<>();

    @Override
    public void process(Object input) {
        for (String p : path) {
            try {
                List<Path> found = ItemPaths.resolve(context().currentLocation(), p);
                if (found.isEmpty()) {
                    throw throwTerminating(new ErrorRecord(ItemPaths.notFound(context().currentLocation(), p),
                            "ArchiveCmdletPathNotFound", ErrorCategory.OBJECT_NOT_FOUND, p));
                }
                sources.addAll(found);
            } catch (IOException e) {
                throw throwTerminating(new ErrorRecord(e, "ArchiveCmdletIOError", ErrorCategory.READ_ERROR, p));
            }
        }
    }

    @Override
    public void end() {
        String name = destinationPath.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? destinationPath : destinationPath + ".zip";
        Path zip = context().resolvePath(name).toAbsolutePath().normalize();
        if (update && force) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("Parameter set cannot be resolved using "
                    + "the specified named parameters. -Update and -Force cannot be used together."), "AmbiguousParameterSet",
                    ErrorCategory.INVALID_ARGUMENT, null));
        }
        if (!context().shouldProcess(zip.toString(), "Compress-Archive")) {
            return;
        }
        try {
            boolean updating = update && Files.exists(zip);
            if (Files.exists(zip) && !force && !updating) {
                throw new FileAlreadyExistsException(zip.toString(), null, "the archive already exists; use -Force to replace it");
            }
            Files.createDirectories(zip.getParent());
            Path temp = Files.createTempFile(zip.getParent(), "." + zip.getFileName(), ".part");
            try {
                try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream z = new ZipOutputStream(out)) {
                    z.setLevel(switch (compressionLevel.toLowerCase(java.util.Locale.ROOT)) {
                        case "fastest" -> Deflater.BEST_SPEED;
                        case "nocompression" -> Deflater.NO_COMPRESSION;
                        default -> Deflater.DEFAULT_COMPRESSION;
                    });
                    List<Entry> entries = new ArrayList<>();
                    for (Path source : sources) {
                        entries.addAll(entries(source, source.getParent()));
                    }
                    if (updating) {
                        keep(z, zip, entries.stream().map(Entry::name).collect(java.util.stream.Collectors.toSet()));
                    }
                    for (Entry e : entries) {
                        write(z, e);
                    }
                }
                Files.move(temp, zip, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            if (passThru) {
                writeObject(new FileItem(zip));
            }
        } catch (IOException e) {
            throw throwTerminating(new ErrorRecord(e, "CompressArchiveError", ErrorCategory.WRITE_ERROR, zip));
        }
    }

    /** One entry to write: its name in the archive and the file or folder it comes from. */
    private record Entry(String name, Path file) {
    }

    private static List<Entry> entries(Path source, Path base) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.sorted().toList()) {
                String entry = base.relativize(p).toString().replace('\\', '/');
                out.add(new Entry(Files.isDirectory(p) ? entry + "/" : entry, p));
            }
        }
        return out;
    }

    /** -Update: copies the existing archive's entries that no new entry replaces. */
    private static void keep(ZipOutputStream z, Path zip, java.util.Set<String> replaced) throws IOException {
        try (ZipFile old = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(old.entries())) {
                if (replaced.contains(e.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                z.putNextEntry(copy);
                try (java.io.InputStream in = old.getInputStream(e)) {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("'" + zip + "' is not a valid zip archive, so it cannot be updated.", e);
        }
    }

    private static void write(ZipOutputStream z, Entry e) throws IOException {
        z.putNextEntry(new ZipEntry(e.name()));
        if (!Files.isDirectory(e.file())) {
            Files.copy(e.file(), z);
        }
        z.closeEntry();
    }
}
