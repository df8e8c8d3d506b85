package org.drizzle.cmdlets.utility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.FileEncoding;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;

/** Export-Csv: writes the inputs' properties as CSV rows (header from the first object). */
@Cmdlet(verb = "Export", noun = "Csv", supportsShouldProcess = true, synopsis = "Saves objects as rows of a CSV file.",
        description = "Writes a #TYPE line (unless -NoTypeInformation), a header from the first object's properties "
                + "and one quoted row per object.")
@Example(code = "Get-BitsTransfer | Select-Object DisplayName, JobState | Export-Csv jobs.csv -NoTypeInformation",
        remarks = "A job report for a spreadsheet.")
public class ExportCsvCommand extends Command {
    @Parameter(aliases = {"LiteralPath", "PSPath", "LP"}, position = 0, mandatory = true, help = "The file to write.")
    String path;
    @Parameter(aliases = "NTI", help = "Omit the #TYPE line (the default in PowerShell 7).")
    boolean noTypeInformation;
    @Parameter(aliases = "ITI", help = "Write a #TYPE line with the objects' type name first.")
    boolean includeTypeInformation;
    @Parameter(help = "Replace a read-only file too (its write permission is added first).")
    boolean force;
    @Parameter(aliases = "NoOverwrite", help = "Do not replace a file that exists.")
    boolean noClobber;
    @Parameter(help = "utf8NoBOM (default), utf8BOM, ascii, unicode, bigendianunicode, utf32, latin1.")
    String encoding;
    @Parameter(help = "Use the culture's list separator (a comma: Drizzle formats with the invariant culture).")
    boolean useCulture;
    @Parameter(aliases = "QF", help = "Quote only these columns.")
    String[] quoteFields;
    @Parameter(aliases = "UQ", validateSet = {"Never", "Always", "AsNeeded"}, help = "When to quote fields (Always by default).")
    String useQuotes = "Always";
    @Parameter(help = "Write no header line.")
    boolean noHeader;
    @Parameter(help = "Add rows to an existing file.")
    boolean append;
    @Parameter(position = 1, help = "The field separator (default a comma).")
    String delimiter = ",";
    @Parameter(mandatory = true, valueFromPipeline = true, help = "The objects to export.")
    Object inputObject;

    private final List<Object> items = new ArrayList<>();

    @Override
    public void process(Object input) {
        items.add(Outputs.item(inputObject, input));
    }

    @Override
    public void end() {
        Path file = context().resolvePath(path);
        if (items.isEmpty() || !context().shouldProcess(file.toString(), "Export-Csv")) {
            return;
        }
        List<String> names = Members.propertyNames(items.get(0));
        StringBuilder out = new StringBuilder();
        boolean existing = append && Files.exists(file);
        if (includeTypeInformation && !noTypeInformation && !existing) {
            out.append("#TYPE ").append(Members.typeName(items.get(0))).append('\n');
        }
        if (!existing && !noHeader) {
            out.append(String.join(delimiter, names.stream().map(n -> field(n, n)).toList())).append('\n');
        }
        for (Object o : items) {
            out.append(String.join(delimiter, names.stream()
                    .map(n -> field(n, LanguagePrimitives.toStr(Members.getProperty(o, n)))).toList())).append('\n');
        }
        try {
            if (noClobber && !append && Files.exists(file)) {
                throw new IOException("The file '" + file + "' already exists.");
            }
            if (force && Files.exists(file) && !Files.isWritable(file)) {
                file.toFile().setWritable(true, true);
            }
            boolean atStart = !existing || Files.size(file) == 0;
            Files.write(file, FileEncoding.of(encoding).encode(out.toString(), atStart), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throwTerminating(new ErrorRecord(e, "FileOpenFailure", ErrorCategory.OPEN_ERROR, file));
        }
    }

    /** One field, quoted as -UseQuotes and -QuoteFields say. */
    private String field(String column, String value) {
        boolean quote;
        if (quoteFields != null) {
            quote = java.util.Arrays.stream(quoteFields).anyMatch(column::equalsIgnoreCase);
        } else if (useQuotes.equalsIgnoreCase("Never")) {
            quote = false;
        } else if (useQuotes.equalsIgnoreCase("AsNeeded")) {
            quote = value.contains(delimiter) || value.contains("\"") || value.contains("\n") || value.contains("\r");
        } else {
            quote = true;
        }
        return quote ? Csv.quote(value) : value;
    }
}
