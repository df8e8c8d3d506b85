package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;

/** Measure-Object: counts the inputs and sums/averages/bounds a numeric property. */
@Cmdlet(verb = "Measure", noun = "Object", synopsis = "Calculates the numeric properties of objects.",
        description = "Outputs Count, and with -Sum, -Average, -Maximum and -Minimum those figures of the inputs "
                + "or of their -Property values.")
@Example(code = "Get-BitsTransfer | Measure-Object -Property BytesTransferred -Sum", remarks = "Total bytes moved.")
public class MeasureObjectCommand extends CollectingCommand {
    @Parameter(position = 0, help = "Properties to measure.")
    String[] property;
    @Parameter boolean sum;
    @Parameter boolean average;
    @Parameter boolean maximum;
    @Parameter boolean minimum;

    @Override
    public void end() {
        for (String p : property == null ? new String[] {null} : property) {
            List<Double> values = new ArrayList<>();
            for (Object o : items) {
                Object v = p == null ? o : Members.getProperty(o, p);
                if (v != null && (sum || average || maximum || minimum)) {
                    values.add(LanguagePrimitives.toDouble(v));
                }
            }
            PSCustomObject r = new PSCustomObject();
            r.setProperty("Count", p == null ? items.size() : (int) items.stream()
                    .filter(o -> Members.getProperty(o, p) != null).count());
            double total = values.stream().mapToDouble(Double::doubleValue).sum();
            r.setProperty("Average", average && !values.isEmpty() ? total / values.size() : null);
            r.setProperty("Sum", sum ? total : null);
            r.setProperty("Maximum", maximum && !values.isEmpty()
                    ? values.stream().mapToDouble(Double::doubleValue).max().getAsDouble() : null);
            r.setProperty("Minimum", minimum && !values.isEmpty()
                    ? values.stream().mapToDouble(Double::doubleValue).min().getAsDouble() : null);
            r.setProperty("Property", p);
            writeObject(r);
        }
    }
}
