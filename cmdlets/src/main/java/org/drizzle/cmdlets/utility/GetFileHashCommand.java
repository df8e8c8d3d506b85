package org.drizzle.cmdlets.utility;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Get-FileHash: the digest of each file, as scripts check a download ({@code (Get-FileHash $f).Hash -eq $sum}). */
@Cmdlet(verb = "Get", noun = "FileHash", defaultParameterSet = "Path", synopsis = "Computes the hash value for a file.",
        description = "Streams each file through the algorithm (SHA256 by default) and outputs Algorithm, Hash "
                + "(upper-case hexadecimal) and Path. -InputStream hashes an open [System.IO.FileStream] "
                + "((Get-Item f).OpenRead()) from its current position to its end; Path is then empty.")
@Example(code = "(Get-FileHash -Path $dest -Algorithm SHA256).Hash -eq $expected", remarks = "Verifies a download.")
public class GetFileHashCommand extends Command {
    private static final Map<String, String> JAVA_NAMES = Map.of("SHA1", "SHA-1", "SHA256", "SHA-256",
            "SHA384", "SHA-384", "SHA512", "SHA-512", "MD5", "MD5");

    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, valueFromPipelineByPropertyName = true,
            parameterSet = "Path", aliases = {"FullName", "LiteralPath", "PSPath", "LP"}, help = "The files to hash.")
    String[] path;
    @Parameter(mandatory = true, parameterSet = "Stream",
            help = "An open stream to hash (a [System.IO.FileStream] from OpenRead() or Open()), from its position to its end.")
    Object inputStream;
    @Parameter(position = 1, validateSet = {"SHA1", "SHA256", "SHA384", "SHA512", "MD5"}, help = "The hash algorithm.")
    String algorithm = "SHA256";

    @Override
    public void process(Object input) {
        String name = algorithm.toUpperCase(Locale.ROOT);
        if (inputStream != null) {
            hashStream(name);
            return;
        }
        for (String p : path) {
            Path file = context().resolvePath(p).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                writeError(new ErrorRecord(new IOException("Cannot find path '" + file + "' because it does not exist "
                        + "or is not a file."), "FileNotFound", ErrorCategory.OBJECT_NOT_FOUND, p));
                continue;
            }
            try {
                writeObject(new FileHashInfo(name, digest(file, JAVA_NAMES.get(name)), file.toString()));
            } catch (IOException e) {
                writeError(new ErrorRecord(e, "FileReadError", ErrorCategory.READ_ERROR, file));
            }
        }
    }

    private void hashStream(String name) {
        InputStream in = org.drizzle.cmdlets.management.FileStreams.remaining(inputStream).orElseThrow(() ->
                new IllegalArgumentException("Cannot bind parameter 'InputStream'. Cannot convert the \""
                        + org.drizzle.cmdlets.lang.LanguagePrimitives.toStr(inputStream) + "\" value of type \""
                        + org.drizzle.cmdlets.lang.Members.typeName(inputStream) + "\" to type \"System.IO.Stream\"."));
        try {
            writeObject(new FileHashInfo(name, digest(in, JAVA_NAMES.get(name)), ""));
        } catch (IOException e) {
            writeError(new ErrorRecord(new IOException("The stream could not be read: " + e.getMessage()),
                    "StreamReadError", ErrorCategory.READ_ERROR, null));
        }
    }

    static String digest(Path file, String javaAlgorithm) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(in, javaAlgorithm);
        }
    }

    private static String digest(InputStream in, String javaAlgorithm) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(javaAlgorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + javaAlgorithm, e);
        }
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            md.update(buffer, 0, n);
        }
        return HexFormat.of().withUpperCase().formatHex(md.digest());
    }
}
