package org.drizzle.cmdlets.dotnet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * [regex] (System.Text.RegularExpressions.Regex): static Escape, Match, Matches, IsMatch,
 * Replace and Split, and {@code [regex]::new(pattern)} instances. As in .NET these are
 * case-sensitive unless RegexOptions.IgnoreCase is given (unlike PowerShell's -match).
 */
public final class RegexType {
    /** System.Text.RegularExpressions.RegexOptions, the flags that map to java.util.regex. */
    public enum RegexOptions {
        None, IgnoreCase, Multiline, ExplicitCapture, Compiled, Singleline, IgnorePatternWhitespace, RightToLeft,
        ECMAScript, CultureInvariant
    }

    private final Pattern pattern;

    private RegexType(Pattern pattern) {
        this.pattern = pattern;
    }

    static List<TypeAdapter> adapters() {
        TypeAdapter regex = TypeAdapter.builder("System.Text.RegularExpressions.Regex")
                .method("Escape", 1, a -> escape(str(a.get(0))))
                .method("Unescape", 1, a -> str(a.get(0)).replaceAll("\\\\(.)", "$1"))
                .method("Match", 2, a -> compile(a.get(1), null).match(str(a.get(0))))
                .method("Match", 3, a -> compile(a.get(1), a.get(2)).match(str(a.get(0))))
                .method("Matches", 2, a -> compile(a.get(1), null).matches(str(a.get(0))))
                .method("Matches", 3, a -> compile(a.get(1), a.get(2)).matches(str(a.get(0))))
                .method("IsMatch", 2, a -> compile(a.get(1), null).isMatch(str(a.get(0))))
                .method("IsMatch", 3, a -> compile(a.get(1), a.get(2)).isMatch(str(a.get(0))))
                .method("Replace", 3, a -> compile(a.get(1), null).replace(str(a.get(0)), replacement(a.get(2))))
                .method("Replace", 4, a -> compile(a.get(1), a.get(3)).replace(str(a.get(0)), replacement(a.get(2))))
                .method("Split", 2, a -> compile(a.get(1), null).split(str(a.get(0))))
                .constructor(1, a -> compile(a.get(0), null))
                .constructor(2, a -> compile(a.get(0), a.get(1)))
                .instances(RegexType.class::isInstance)
                .converter(v -> v instanceof RegexType r ? r : compile(v, null))
                .build();
        return List.of(regex, EnumTypes.of("System.Text.RegularExpressions.RegexOptions", RegexOptions.class),
                TypeAdapter.builder("System.Text.RegularExpressions.Match").instances(RegexMatch.class::isInstance).build());
    }

    /** The replacement text; a script block (a MatchEvaluator in .NET) would silently become its source text. */
    private static String replacement(Object v) {
        if (v instanceof org.drizzle.cmdlets.api.ScriptBlock) {
            throw new DotNetException("MethodNotSupported", "[regex]::Replace with a script block (MatchEvaluator) is not "
                    + "supported by Drizzle; use the -replace operator or a replacement string such as '$1'.");
        }
        return str(v);
    }

    private static String str(Object v) {
        return v == null ? "" : LanguagePrimitives.toStr(v);
    }

    /** Backslash-escapes the characters .NET escapes: \ * + ? | { [ ( ) ^ $ . # and white space. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                case ' ' -> b.append("\\ ");
                default -> {
                    if ("\\*+?|{[()^$.#".indexOf(c) >= 0) {
                        b.append('\\');
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    static RegexType compile(Object pattern, Object options) {
        int flags = 0;
        if (options != null) {
            for (Object o : LanguagePrimitives.toList(options)) {
                for (String part : str(o).split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    flags |= switch (LanguagePrimitives.toEnum(RegexOptions.class, part.trim())) {
                        case IgnoreCase -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                        case Multiline -> Pattern.MULTILINE;
                        case Singleline -> Pattern.DOTALL;
                        case IgnorePatternWhitespace -> Pattern.COMMENTS;
                        default -> 0;
                    };
                }
            }
        }
        try {
            return new RegexType(Pattern.compile(str(pattern), flags));
        } catch (PatternSyntaxException e) {
            throw new DotNetException("RegexParseException", "Invalid pattern '" + str(pattern) + "': " + e.getDescription() + ".");
        }
    }

    public RegexMatch match(String input) {
        Matcher m = pattern.matcher(input);
        return m.find() ? RegexMatch.of(m, pattern) : RegexMatch.EMPTY;
    }

    public List<RegexMatch> matches(String input) {
        List<RegexMatch> out = new ArrayList<>();
        Matcher m = pattern.matcher(input);
        while (m.find()) {
            out.add(RegexMatch.of(m, pattern));
        }
        return out;
    }

    public boolean isMatch(String input) {
        return pattern.matcher(input).find();
    }

    /** Replaces every match; the replacement uses .NET syntax ($1, ${name}, $$, $0). */
    public String replace(String input, String replacement) {
        return pattern.matcher(input).replaceAll(javaReplacement(replacement));
    }

    public Object[] split(String input) {
        return pattern.split(input, -1);
    }

    /** A .NET replacement string ($1, ${name}, $$, $0) in java.util.regex syntax; the -replace operator uses it too. */
    public static String javaReplacement(String r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                b.append("\\\\");
            } else if (c == '$' && i + 1 < r.length() && r.charAt(i + 1) == '$') {
                b.append("\\$");
                i++;
            } else if (c == '$' && i + 1 < r.length() && (Character.isDigit(r.charAt(i + 1)) || r.charAt(i + 1) == '{')) {
                b.append('$');
            } else if (c == '$') {
                b.append("\\$");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
