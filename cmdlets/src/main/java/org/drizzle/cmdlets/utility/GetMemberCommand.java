package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;

/** Get-Member: the properties of each distinct type among the inputs (TypeName, Name, MemberType, Definition). */
@Cmdlet(verb = "Get", noun = "Member", synopsis = "Gets the properties of objects.",
        description = "Lists, once per type, the properties scripts can read, with their current value's type.")
@Example(code = "Get-BitsTransfer | Get-Member", remarks = "What a BitsJob offers.")
public class GetMemberCommand extends Command {
    @Parameter(position = 0, help = "Only members matching these names.")
    String[] name;
    @Parameter(valueFromPipeline = true, help = "The objects to inspect.")
    Object inputObject;
    @Parameter(aliases = "Type", help = "Only members of these kinds: NoteProperty (a custom object's), Property, "
            + "Properties (both), All. Drizzle lists properties only, so other kinds give nothing.")
    String[] memberType;

    private final Set<String> seen = new LinkedHashSet<>();

    @Override
    public void process(Object input) {
        Object item = Outputs.item(inputObject, input);
        if (item == null || !seen.add(Members.typeName(item))) {
            return;
        }
        List<String> names = new ArrayList<>(Members.propertyNames(item));
        names.sort(String.CASE_INSENSITIVE_ORDER);
        for (String n : names) {
            if (name != null && java.util.Arrays.stream(name)
                    .noneMatch(w -> org.drizzle.cmdlets.lang.WildcardPattern.of(w).matches(n))) {
                continue;
            }
            String kind = item instanceof PSCustomObject ? "NoteProperty" : "Property";
            if (!wanted(kind)) {
                continue;
            }
            Object v = Members.getProperty(item, n);
            PSCustomObject m = new PSCustomObject();
            m.setProperty("TypeName", Members.typeName(item));
            m.setProperty("Name", n);
            m.setProperty("MemberType", kind);
            m.setProperty("Definition", (v == null ? "System.Object" : Members.typeName(v)) + " " + n + " {get;}");
            writeObject(m);
        }
    }

    private boolean wanted(String kind) {
        if (memberType == null) {
            return true;
        }
        for (String t : memberType) {
            for (String one : t.split(",")) {
                String k = one.trim();
                if (k.equalsIgnoreCase(kind) || k.equalsIgnoreCase("All") || k.equalsIgnoreCase("Properties")) {
                    return true;
                }
                if (!KINDS.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                    throw throwTerminating(new org.drizzle.cmdlets.api.ErrorRecord(new IllegalArgumentException(
                            "Cannot bind parameter 'MemberType'. Cannot convert value \"" + k + "\" to type "
                            + "\"System.Management.Automation.PSMemberTypes\"."), "CannotConvertArgumentNoMessage",
                            org.drizzle.cmdlets.api.ErrorCategory.INVALID_ARGUMENT, k));
                }
            }
        }
        return false;
    }

    private static final Set<String> KINDS = Set.of("aliasproperty", "codeproperty", "property", "noteproperty",
            "scriptproperty", "properties", "propertyset", "method", "codemethod", "scriptmethod", "methods",
            "parameterizedproperty", "memberset", "event", "dynamic", "inferredproperty", "all");
}
