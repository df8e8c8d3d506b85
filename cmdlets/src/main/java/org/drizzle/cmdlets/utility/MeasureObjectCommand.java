package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;

/**
 * Measure-Object: counts the inputs and sums/averages/bounds/deviates a numeric property
 * (GenericMeasureInfo), or counts the lines, words and characters of text (TextMeasureInfo).
 */
@Cmdlet(verb = "Measure", noun = "Object", defaultParameterSet = MeasureObjectCommand.GENERIC,
        synopsis = "Calculates the numeric properties of objects, and the characters, words, and lines in string objects.",
        description = "Outputs Count, and with -Sum, -Average, -Maximum, -Minimum, -StandardDeviation (or -AllStats) "
                + "those figures of the inputs or of their -Property values. With -Line, -Word and -Character it "
                + "counts the lines, words and characters of the inputs' text instead.")
@Example(code = "Get-BitsTransfer | Measure-Object -Property BytesTransferred -Sum", remarks = "Total bytes moved.")
@Example(code = "Get-Content log.txt | Measure-Object -Line -Word -Character", remarks = "Counts a file's text.")
public class MeasureObjectCommand extends CollectingCommand {
    static final String GENERIC = "GenericMeasure";
    static final String TEXT = "TextMeasure";

    @Parameter(position = 0, help = "Properties to measure.")
    String[] property;
    @Parameter(parameterSet = GENERIC, help = "The sum of the values.")
    boolean sum;
    @Parameter(parameterSet = GENERIC, help = "The mean of the values.")
    boolean average;
    @Parameter(parameterSet = GENERIC, help = "The largest value.")
    boolean maximum;
    @Parameter(parameterSet = GENERIC, help = "The smallest value.")
    boolean minimum;
    @Parameter(parameterSet = GENERIC, help = "The sample standard deviation of the values.")
    boolean standardDeviation;
    @Parameter(parameterSet = GENERIC, help = "Every statistic: sum, average, maximum, minimum and standard deviation.")
    boolean allStats;
    @Parameter(parameterSet = TEXT, help = "Counts the lines of text.")
    boolean line;
    @Parameter(parameterSet = TEXT, help = "Counts the words (runs of non-white-space characters).")
    boolean word;
    @Parameter(parameterSet = TEXT, help = "Counts the characters.")
    boolean character;
    @Parameter(parameterSet = TEXT, help = "With -Character, white space is not counted.")
    boolean ignoreWhiteSpace;

    @Override
    public void end() {
        boolean text = line || word || character || ignoreWhiteSpace;
        for (String p : property == null ? new String[] {null} : property) {
            writeObject(text ? measureText(p) : measure(p));
        }
    }

    private PSCustomObject measure(String p) {
        boolean stats = sum || average || maximum || minimum || standardDeviation || allStats;
        List<Double> values = new ArrayList<>();
        int count = 0;
        for (Object o : items) {
            Object v = p == null ? o : Members.getProperty(o, p);
            if (v == null) {
                continue;
            }
            count++;
            if (stats) {
                values.add(LanguagePrimitives.toDouble(v));
            }
        }
        double total = values.stream().mapToDouble(Double::doubleValue).sum();
        boolean any = !values.isEmpty();
        PSCustomObject r = new PSCustomObject();
        r.setProperty("Count", count);
        r.setProperty("Average", (average || allStats) && any ? total / values.size() : null);
        r.setProperty("Sum", sum || allStats ? total : null);
        r.setProperty("Maximum", (maximum || allStats) && any
                ? values.stream().mapToDouble(Double::doubleValue).max().getAsDouble() : null);
        r.setProperty("Minimum", (minimum || allStats) && any
                ? values.stream().mapToDouble(Double::doubleValue).min().getAsDouble() : null);
        r.setProperty("StandardDeviation", (standardDeviation || allStats) && any ? deviation(values, total) : null);
        r.setProperty("Property", p);
        return r;
    }

    /** The sample standard deviation (divisor n - 1, as PowerShell's); 0 for a single value. */
    private static double deviation(List<Double> values, double total) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = total / values.size();
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }

    private PSCustomObject measureText(String p) {
        int lines = 0;
        int words = 0;
        int chars = 0;
        for (Object o : items) {
            Object v = p == null ? o : Members.getProperty(o, p);
            if (v == null) {
                continue;
            }
            String s = LanguagePrimitives.toStr(v);
            boolean inSpace = true;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    inSpace = true;
                    if (c == '\n') {
                        lines++;
                    }
                    if (!ignoreWhiteSpace) {
                        chars++;
                    }
                } else {
                    if (inSpace) {
                        words++;
                    }
                    inSpace = false;
                    chars++;
                }
            }
            if (!s.isEmpty() && s.charAt(s.length() - 1) != '\n') {
                lines++;
            }
        }
        PSCustomObject r = new PSCustomObject();
        r.setProperty("Lines", line ? (Object) lines : null);
        r.setProperty("Words", word ? (Object) words : null);
        r.setProperty("Characters", character ? (Object) chars : null);
        r.setProperty("Property", p);
        return r;
    }
}
