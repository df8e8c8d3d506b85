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

/**
 * Get-Member: the properties of each distinct type among the inputs (TypeName, Name, MemberType, Definition);
 * with -Static, the static properties and methods of the input's .NET type as [Type]:: reaches them; -Force
 * adds the intrinsic psobject and pstypenames members; -View picks Extended (a custom object's note
 * properties) or Adapted/Base (a .NET object's properties).
 */
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
    @Parameter(name = "Static", help = "The static members of the input's type (the members [Type]:: reaches) instead of "
            + "its instance members.")
    boolean staticMembers;
    @Parameter(help = "Also the intrinsic members every object has: psobject and pstypenames.")
    boolean force;
    @Parameter(help = "Which members: Extended (a custom object's note properties), Adapted or Base (a .NET "
            + "object's properties), All. Default: Adapted, Extended.")
    String[] view;

    private final Set<String> seen = new LinkedHashSet<>();
    private boolean extended = true;
    private boolean adapted = true;

    @Override
    public void begin() {
        if (view == null) {
            return;
        }
        extended = false;
        adapted = false;
        for (String v : view) {
            for (String one : v.split(",")) {
                switch (one.trim().toLowerCase(java.util.Locale.ROOT)) {
                    case "extended" -> extended = true;
                    case "adapted", "base" -> adapted = true;
                    case "all" -> {
                        extended = true;
                        adapted = true;
                    }
                    default -> throw throwTerminating(new org.drizzle.cmdlets.api.ErrorRecord(new IllegalArgumentException(
                            "Cannot bind parameter 'View'. Cannot convert value \"" + one.trim() + "\" to type "
                            + "\"System.Management.Automation.PSMemberViewTypes\". Error: \"Unable to match the identifier "
                            + "name " + one.trim() + " to a valid enumerator name. Specify one of the following enumerator "
                            + "names and try again: Extended, Adapted, Base, All\""), "CannotConvertArgumentNoMessage",
                            org.drizzle.cmdlets.api.ErrorCategory.INVALID_ARGUMENT, one));
                }
            }
        }
    }

    @Override
    public void process(Object input) {
        Object item = Outputs.item(inputObject, input);
        if (item == null || !seen.add(Members.typeName(item))) {
            return;
        }
        if (staticMembers) {
            statics(item);
            return;
        }
        List<String> names = new ArrayList<>(Members.propertyNames(item));
        names.sort(String.CASE_INSENSITIVE_ORDER);
        for (String n : names) {
            if (name != null && java.util.Arrays.stream(name)
                    .noneMatch(w -> org.drizzle.cmdlets.lang.WildcardPattern.of(w).matches(n))) {
                continue;
            }
            boolean note = item instanceof PSCustomObject;
            String kind = item instanceof PSCustomObject c ? c.memberType(n) : "Property";
            if (!wanted(kind) || !(note ? extended : adapted)) {
                continue;
            }
            Object v = Members.getProperty(item, n);
            member(Members.typeName(item), n, kind, (v == null ? "System.Object" : Members.typeName(v)) + " " + n + " {get;}");
        }
        if (force) {
            if (wanted("CodeProperty")) {
                member(Members.typeName(item), "pstypenames", "CodeProperty",
                        "System.Collections.ObjectModel.Collection`1[[System.String]] pstypenames{get=PSTypeNames;}");
            }
            if (wanted("MemberSet")) {
                member(Members.typeName(item), "psobject", "MemberSet",
                        "psobject {BaseObject, ImmediateBaseObject, Properties, TypeNames, Copy}");
            }
        }
    }

    /** -Static: the static properties, then methods, of the value's curated .NET type, by name. */
    private void statics(Object item) {
        String type = Members.typeName(item);
        org.drizzle.cmdlets.dotnet.TypeAdapter adapter = org.drizzle.cmdlets.dotnet.DotNetTypes.find(type).orElse(null);
        if (adapter == null) {
            return;
        }
        List<String> methods = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        for (String n : adapter.staticMemberNames()) {
            if (name != null && java.util.Arrays.stream(name)
                    .noneMatch(w -> org.drizzle.cmdlets.lang.WildcardPattern.of(w).matches(n))) {
                continue;
            }
            (adapter.arities(n).isEmpty() ? properties : methods).add(n);
        }
        methods.sort(String.CASE_INSENSITIVE_ORDER);
        properties.sort(String.CASE_INSENSITIVE_ORDER);
        for (String n : methods) {
            if (wanted("Method")) {
                List<String> counts = adapter.arities(n).stream()
                        .map(a -> a == org.drizzle.cmdlets.dotnet.TypeAdapter.ANY ? "any" : String.valueOf(a)).toList();
                member(type, n, "Method", "static " + n + "(" + String.join(" or ", counts) + " arguments)");
            }
        }
        for (String n : properties) {
            if (wanted("Property")) {
                member(type, n, "Property", "static " + n + " {get;}");
            }
        }
    }

    private void member(String typeName, String n, String kind, String definition) {
        PSCustomObject m = new PSCustomObject();
        m.setProperty("TypeName", typeName);
        m.setProperty("Name", n);
        m.setProperty("MemberType", kind);
        m.setProperty("Definition", definition);
        writeObject(m);
    }

    private boolean wanted(String kind) {
        if (memberType == null) {
            return true;
        }
        for (String t : memberType) {
            for (String one : t.split(",")) {
                String k = one.trim();
                if (k.equalsIgnoreCase(kind) || k.equalsIgnoreCase("All")
                        || k.equalsIgnoreCase("Properties") && kind.endsWith("Property")
                        || k.equalsIgnoreCase("Methods") && kind.endsWith("Method")) {
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
