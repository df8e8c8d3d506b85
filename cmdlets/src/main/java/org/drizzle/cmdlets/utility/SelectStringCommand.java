package org.drizzle.cmdlets.utility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.FileEncoding;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.ProviderPaths;
import org.drizzle.cmdlets.lang.DisplaysAsText;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.lang.PropertyBag;
import org.drizzle.cmdlets.lang.WildcardPattern;

/**
 * Select-String: lines of piped text or of files that match a regular expression (or, with -SimpleMatch,
 * contain the text), case-insensitive unless -CaseSensitive. Each match is a MatchInfo object (Line,
 * LineNumber, Filename, Path, Pattern, Matches) that prints as {@code path:line:text} for files and as the
 * line for piped text; -Quiet answers True/False, -NotMatch inverts, -List stops at a file's first match.
 */
@Cmdlet(verb = "Select", noun = "String", synopsis = "Finds text in strings and files.")
@Example(code = "Select-String -Path ./logs/*.log -Pattern 'ERROR'", remarks = "The error lines of each log, as file:line:text.")
@Example(code = "if (Get-Content ./job.txt | Select-String -Quiet 'Transferred') { 'done' }", remarks = "A yes/no test.")
public class SelectStringCommand extends Command {
    @Parameter(position = 0, mandatory = true, help = "Regular expressions (or text with -SimpleMatch).")
    String[] pattern;
    @Parameter(position = 1, valueFromPipelineByPropertyName = true, aliases = {"LiteralPath", "PSPath", "LP"},
            help = "Files to search (wildcards allowed).")
    String[] path;
    @Parameter(valueFromPipeline = true, help = "Text to search.")
    Object inputObject;
    @Parameter(help = "Match the text literally, not as a regular expression.")
    boolean simpleMatch;
    @Parameter(help = "Letter case must match.")
    boolean caseSensitive;
    @Parameter(help = "Lines that do not match.")
    boolean notMatch;
    @Parameter(aliases = {"q"}, help = "Only True or False: whether anything matched.")
    boolean quiet;
    @Parameter(help = "Only the first match in each file.")
    boolean list;
    @Parameter(help = "Every match on a line in Matches, not only the first.")
    boolean allMatches;
    @Parameter(help = "Output the matching lines as strings instead of MatchInfo objects.")
    boolean raw;
    @Parameter(help = "Do not highlight the match: Drizzle never highlights it.")
    boolean noEmphasis;
    @Parameter(help = "Search only the files whose names match these wildcards.")
    String[] include;
    @Parameter(help = "Skip the files whose names match these wildcards.")
    String[] exclude;
    @Parameter(help = "The files' encoding: utf8 (default), utf8BOM, ascii, unicode, bigendianunicode, utf32, latin1.")
    String encoding;
    @Parameter(help = "Lines to capture around each match: N (N before and after) or N,M (N before, M after).")
    Integer[] context;

    private final List<Pattern> regexes = new ArrayList<>();
    private boolean any;
    private int inputNumber;
    /** The -Context collector of the current file or of the piped text; null without -Context. */
    private MatchContext around;

    @Override
    public void begin() {
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        for (String p : pattern) {
            regexes.add(Pattern.compile(simpleMatch ? Pattern.quote(p) : p, flags));
        }
        if (context != null) {
            if (context.length == 0 || context.length > 2) {
                throw throwTerminating(new ErrorRecord(new IllegalArgumentException("Cannot validate argument on "
                        + "parameter 'Context'. The parameter requires at least 1 value(s) and no more than 2 value(s)"
                        + " - " + context.length + " value(s) were provided."), "ParameterArgumentValidationError",
                        ErrorCategory.INVALID_DATA, context));
            }
            for (Integer n : context) {
                if (n == null || n < 0) {
                    throw throwTerminating(new ErrorRecord(new IllegalArgumentException("Cannot validate argument on "
                            + "parameter 'Context'. The " + n + " argument is less than the minimum allowed range of 0."
                            + " Supply an argument that is greater than or equal to 0 and then try the command again."),
                            "ParameterArgumentValidationError", ErrorCategory.INVALID_DATA, n));
                }
            }
        }
    }

    /** A fresh -Context collector, or null when there is no -Context (or nothing is printed: -Quiet, -Raw). */
    private MatchContext newContext() {
        return context == null || quiet || raw ? null : new MatchContext(context[0], context[context.length - 1]);
    }

    @Override
    public void process(Object input) {
        if (path != null) {
            for (String p : path) {
                files(p);
            }
            return;
        }
        if (inputObject != null) {
            if (around == null) {
                around = newContext();
            }
            line(LanguagePrimitives.toStr(inputObject), ++inputNumber, null);
        }
    }

    @Override
    public void end() {
        if (around != null) {
            around.finish().forEach(this::writeObject);
        }
        if (quiet && !any) {
            writeObject(false);
        }
    }

    private void files(String p) {
        Path here = context().currentLocation();
        Path target = ProviderPaths.resolve(here, p);
        List<Path> found = new ArrayList<>();
        String leaf = target.getFileName() == null ? "" : target.getFileName().toString();
        if (!Files.exists(target) && WildcardPattern.containsWildcard(leaf) && target.getParent() != null
                && Files.isDirectory(target.getParent())) {
            WildcardPattern w = WildcardPattern.of(leaf);
            try (var s = Files.list(target.getParent())) {
                s.filter(f -> Files.isRegularFile(f) && w.matches(f.getFileName().toString())).sorted().forEach(found::add);
            } catch (IOException e) {
                found.clear();
            }
        } else if (Files.isRegularFile(target)) {
            found.add(target);
        }
        if (found.isEmpty()) {
            writeError(new ErrorRecord(new IOException("Cannot find path '" + target + "' because it does not exist."),
                    "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, p));
            return;
        }
        found.removeIf(f -> !wanted(f.getFileName().toString()));
        for (Path f : found) {
            try {
                List<String> lines = FileEncoding.of(encoding).decode(Files.readAllBytes(f)).lines().toList();
                around = newContext();
                boolean listed = false;
                for (int i = 0; i < lines.size(); i++) {
                    if (listed) {
                        // -List: no more matches, only the lines after the one found
                        if (!around.waiting()) {
                            break;
                        }
                        around.line(lines.get(i), null).forEach(this::writeObject);
                    } else if (line(lines.get(i), i + 1, f) && list) {
                        if (around == null) {
                            break;
                        }
                        listed = true;
                    }
                }
                if (around != null) {
                    around.finish().forEach(this::writeObject);
                    around = null;
                }
            } catch (IOException e) {
                writeError(new ErrorRecord(new IOException("Cannot read '" + f + "'."), "ReadError", ErrorCategory.READ_ERROR, f));
            }
        }
    }

    /** -Include and -Exclude, on the file's name. */
    private boolean wanted(String name) {
        if (include != null && java.util.Arrays.stream(include).noneMatch(i -> WildcardPattern.of(i).matches(name))) {
            return false;
        }
        return exclude == null || java.util.Arrays.stream(exclude).noneMatch(x -> WildcardPattern.of(x).matches(name));
    }

    /** Tests one line; writes its MatchInfo (or, with -Quiet, True once); true when it matched. */
    private boolean line(String text, int number, Path file) {
        Matcher first = null;
        Pattern matched = null;
        for (Pattern r : regexes) {
            Matcher m = r.matcher(text);
            if (m.find()) {
                first = m;
                matched = r;
                break;
            }
        }
        if ((first != null) == notMatch) {
            if (around != null) {
                around.line(text, null).forEach(this::writeObject);
            }
            return false;
        }
        if (quiet) {
            if (!any) {
                writeObject(true);
            }
            any = true;
            return true;
        }
        any = true;
        if (raw) {
            writeObject(text);
            return true;
        }
        MatchInfo info = new MatchInfo(text, number, file, shown(file), matched == null ? pattern[0] : matched.pattern(),
                first == null ? List.of() : matches(first));
        if (around == null) {
            writeObject(info);
        } else {
            around.line(text, info).forEach(this::writeObject);
        }
        return true;
    }

    /** The file as the match shows it: relative to the current folder when it lies below it, as PowerShell does. */
    private String shown(Path file) {
        if (file == null) {
            return null;
        }
        Path here = context().currentLocation().toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(here) ? here.relativize(f).toString() : f.toString();
    }

    private List<Object> matches(Matcher m) {
        List<Object> out = new ArrayList<>();
        do {
            PSCustomObject g = new PSCustomObject();
            g.setProperty("Value", m.group());
            g.setProperty("Index", m.start());
            g.setProperty("Length", m.end() - m.start());
            out.add(g);
        } while (allMatches && m.find());
        return out;
    }

    /**
     * PowerShell's MatchInfo: prints as {@code path:line:text} for a file, as the line for piped text; with
     * -Context, as the display context lines (prefixed by two spaces) around the match line (prefixed by "> ").
     */
    public static final class MatchInfo implements PropertyBag, DisplaysAsText {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final String shown;
        private List<String> displayPre = List.of();
        private List<String> displayPost = List.of();
        private boolean hasContext;

        MatchInfo(String line, int number, Path file, String shown, String pattern, List<Object> matches) {
            values.put("IgnoreCase", true);
            values.put("LineNumber", number);
            values.put("Line", line);
            values.put("Filename", file == null ? "InputStream" : file.getFileName().toString());
            values.put("Path", file == null ? "InputStream" : file.toString());
            values.put("Pattern", pattern);
            values.put("Matches", matches);
            values.put("Context", null);
            this.shown = file == null ? null : shown;
        }

        void setContext(List<String> pre, List<String> post, List<String> displayPre, List<String> displayPost) {
            PSCustomObject c = new PSCustomObject();
            c.setProperty("PreContext", pre.toArray(new String[0]));
            c.setProperty("PostContext", post.toArray(new String[0]));
            c.setProperty("DisplayPreContext", displayPre.toArray(new String[0]));
            c.setProperty("DisplayPostContext", displayPost.toArray(new String[0]));
            values.put("Context", c);
            this.displayPre = displayPre;
            this.displayPost = displayPost;
            this.hasContext = true;
        }

        private String format(String prefix, int number, String text) {
            return prefix + (shown == null ? text : shown + ":" + number + ":" + text);
        }

        @Override
        public List<String> propertyNames() {
            return List.copyOf(values.keySet());
        }

        @Override
        public boolean hasProperty(String name) {
            return values.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
        }

        @Override
        public Object getProperty(String name) {
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            int number = (Integer) values.get("LineNumber");
            String line = (String) values.get("Line");
            if (!hasContext) {
                return format("", number, line);
            }
            List<String> out = new ArrayList<>();
            int n = number - displayPre.size();
            for (String t : displayPre) {
                out.add(format("  ", n++, t));
            }
            out.add(format("> ", n++, line));
            for (String t : displayPost) {
                out.add(format("  ", n++, t));
            }
            return String.join("\n", out);
        }
    }
}
