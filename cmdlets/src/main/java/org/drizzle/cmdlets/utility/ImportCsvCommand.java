package org.drizzle.cmdlets.utility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.FileEncoding;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.PSCustomObject;

/** Import-Csv: one object per CSV row, properties named by the (trimmed) header. */
@Cmdlet(verb = "Import", noun = "Csv", synopsis = "Creates objects from the rows of a CSV file.",
        description = "Reads the file; the first line (or -Header) names the properties; a #TYPE line is skipped.")
@Example(code = "Import-Csv filelist.txt | Start-BitsTransfer", remarks = "One job per Source,Destination row.")
public class ImportCsvCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, aliases = {"PSPath", "LiteralPath", "LP"}, help = "CSV files.")
    String[] path;
    @Parameter(position = 1, help = "The field separator (default a comma).")
    String delimiter = ",";
    @Parameter(help = "Property names to use instead of the first line.")
    String[] header;
    @Parameter(help = "The files' encoding: utf8 (default), utf8BOM, ascii, unicode, bigendianunicode, utf32, latin1.")
    String encoding;
    @Parameter(help = "Use the culture's list separator (a comma: Drizzle parses with the invariant culture).")
    boolean useCulture;

    @Override
    public void process(Object input) {
        for (String p : path) {
            Path file = context().resolvePath(p);
            String text;
            try {
                text = FileEncoding.of(encoding).decode(Files.readAllBytes(file));
            } catch (IOException e) {
                writeError(new ErrorRecord(new IOException("Could not find file '" + file + "'.", e),
                        "FileOpenFailure", ErrorCategory.OPEN_ERROR, file));
                continue;
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            List<List<String>> rows = Csv.parse(text, delimiter.charAt(0));
            if (!rows.isEmpty() && rows.get(0).size() == 1 && rows.get(0).get(0).startsWith("#TYPE")) {
                rows = rows.subList(1, rows.size());
            }
            if (rows.isEmpty()) {
                continue;
            }
            List<String> names = header != null ? List.of(header) : rows.get(0).stream().map(String::trim).toList();
            for (List<String> row : rows.subList(header != null ? 0 : 1, rows.size())) {
                PSCustomObject o = new PSCustomObject();
                for (int i = 0; i < names.size(); i++) {
                    o.setProperty(names.get(i), i < row.size() ? row.get(i).trim() : null);
                }
                writeObject(o);
            }
        }
    }
}
