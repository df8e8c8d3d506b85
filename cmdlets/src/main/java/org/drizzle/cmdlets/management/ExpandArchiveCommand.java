package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/**
 * Expand-Archive: unpacks a zip file. Every entry is checked before anything is written: an entry
 * that would land outside the destination ("zip slip", {@code ../../etc/x}) refuses the whole
 * archive, and so does an existing file without -Force.
 */
@Cmdlet(verb = "Expand", noun = "Archive", supportsShouldProcess = true, synopsis = "Extracts files from a zip archive.",
        description = "Extracts the archive into -DestinationPath (by default a folder named after the archive in the "
                + "current location). Existing files are replaced only with -Force. Archives with entries that "
                + "point outside the destination are refused before anything is extracted.")
@Example(code = "Expand-Archive -Path $zip -DestinationPath $dir -Force", remarks = "Unpacks a downloaded driver package.")
public class ExpandArchiveCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, valueFromPipelineByPropertyName = true,
            aliases = {"FullName", "LiteralPath", "PSPath", "LP"}, help = "The zip file.")
    String path;
    @Parameter(position = 1, help = "The folder to extract into.")
    String destinationPath;
    @Parameter(help = "Overwrite existing files.")
    boolean force;
    @Parameter(help = "Output the extracted files.")
    boolean passThru;

    @Override
    public void process(Object input) {
        Path zip = context().resolvePath(path).toAbsolutePath().normalize();
        String base = zip.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
        Path dest = (destinationPath == null ? context().resolvePath(base)
                : context().resolvePath(destinationPath)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(zip)) {
            throw throwTerminating(new ErrorRecord(new IOException("The path '" + zip + "' either does not exist or is "
                    + "not a valid file system path."), "ArchiveCmdletPathNotFound", ErrorCategory.OBJECT_NOT_FOUND, path));
        }
        if (!context().shouldProcess(dest.toString(), "Expand-Archive")) {
            return;
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            check(file, dest);
            extract(file, dest);
        } catch (IOException e) {
            throw throwTerminating(new ErrorRecord(e, "ExpandArchiveError", ErrorCategory.INVALID_DATA, path));
        }
    }

    /** Refuses before writing: entries escaping {@code dest}, and existing files unless -Force. */
    private void check(ZipFile file, Path dest) throws IOException {
        Enumeration<? extends ZipEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            Path target = target(dest, e);
            if (!e.isDirectory() && Files.exists(target) && !force) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "the file already exists; use -Force to overwrite it. Nothing was extracted");
            }
        }
    }

    static Path target(Path dest, ZipEntry e) throws IOException {
        Path target = dest.resolve(e.getName().replace('\\', '/')).normalize();
        if (!target.startsWith(dest) || target.equals(dest) && !e.isDirectory()) {
            throw new IOException("The archive entry '" + e.getName() + "' would be extracted outside the destination "
                    + dest + "; the archive was refused and nothing was extracted.");
        }
        return target;
    }

    private void extract(ZipFile file, Path dest) throws IOException {
        Files.createDirectories(dest);
        Enumeration<? extends ZipEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            Path target = target(dest, e);
            if (e.isDirectory()) {
                Files.createDirectories(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = file.getInputStream(e)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (passThru) {
                writeObject(new FileItem(target));
            }
        }
    }
}
