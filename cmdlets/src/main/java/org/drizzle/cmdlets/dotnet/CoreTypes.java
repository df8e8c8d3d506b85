package org.drizzle.cmdlets.dotnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.api.ScriptBlock;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.PSCustomObject;

/**
 * The general types param blocks and scripts name: [object], [array], [hashtable], [switch],
 * [scriptblock], [psobject], [pscustomobject], and the collections scripts build with New-Object
 * (System.Collections.ArrayList, System.Collections.Generic.List[T], both java.util.ArrayList).
 */
final class CoreTypes {
    private CoreTypes() {
    }

    static List<TypeAdapter> adapters() {
        return List.of(
                TypeAdapter.builder("System.Object").instances(v -> true).converter(v -> v).build(),
                TypeAdapter.builder("System.Array").instances(v -> v.getClass().isArray() || v instanceof List<?>)
                        .converter(v -> v == null ? null : LanguagePrimitives.toList(v).toArray()).build(),
                TypeAdapter.builder("System.Collections.Hashtable").constructor(0, a -> new Hashtable())
                        .instances(Map.class::isInstance).converter(CoreTypes::hashtable).build(),
                TypeAdapter.builder("System.Management.Automation.SwitchParameter").constant("Present", true)
                        .instances(Boolean.class::isInstance).converter(LanguagePrimitives::toBool).build(),
                TypeAdapter.builder("System.Management.Automation.ScriptBlock").instances(ScriptBlock.class::isInstance).build(),
                TypeAdapter.builder("System.Management.Automation.PSObject").instances(v -> true).converter(v -> v).build(),
                TypeAdapter.builder("System.Management.Automation.PSCustomObject").instances(PSCustomObject.class::isInstance)
                        .converter(v -> v instanceof Map<?, ?> m ? PSCustomObject.of(m) : v).build(),
                list("System.Collections.ArrayList"),
                list("System.Collections.Generic.List"));
    }

    private static TypeAdapter list(String name) {
        return TypeAdapter.builder(name)
                .constructor(0, a -> new ArrayList<>())
                .constructor(1, a -> a.get(0) instanceof Number ? new ArrayList<>() : new ArrayList<>(LanguagePrimitives.toList(a.get(0))))
                .instances(List.class::isInstance)
                .converter(v -> v == null ? null : new ArrayList<>(LanguagePrimitives.toList(v)))
                .build();
    }

    private static Object hashtable(Object v) {
        if (v == null || v instanceof Hashtable) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            Hashtable h = new Hashtable();
            m.forEach(h::put);
            return h;
        }
        throw DotNetException.cannotConvert(v, "System.Collections.Hashtable", "Only a hashtable or dictionary converts to a hashtable.");
    }
}
