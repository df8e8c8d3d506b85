package org.drizzle.cmdlets.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code $x.PSObject}: the view PowerShell wraps every value in. Scripts read {@code Properties}
 * (each with Name, Value, TypeNameOfValue, MemberType), {@code BaseObject} and {@code TypeNames},
 * and call {@code Copy()} (a [pscustomobject] is copied property by property; other values are
 * returned as they are, which is what a copy of an immutable value is).
 */
public final class PSObjectView implements PropertyBag {
    private static final List<String> NAMES = List.of("Properties", "BaseObject", "TypeNames", "ImmediateBaseObject");
    private final Object target;

    public PSObjectView(Object target) {
        this.target = target;
    }

    /** One property as PSObject.Properties lists it. */
    public record PSPropertyInfo(String Name, Object Value, String TypeNameOfValue, String MemberType, boolean IsSettable) {
        public boolean getIsGettable() {
            return true;
        }

        @Override
        public String toString() {
            return TypeNameOfValue + " " + Name + "=" + LanguagePrimitives.toStr(Value);
        }
    }

    public Object Copy() {
        if (target instanceof PSCustomObject o) {
            PSCustomObject copy = new PSCustomObject();
            o.propertyNames().forEach(n -> copy.setProperty(n, o.getProperty(n)));
            return copy;
        }
        return target;
    }

    @Override
    public List<String> propertyNames() {
        return NAMES;
    }

    @Override
    public Object getProperty(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "properties" -> properties();
            case "baseobject", "immediatebaseobject" -> target;
            case "typenames" -> target instanceof PSCustomObject o ? o.typeNames() : List.of(Members.typeName(target), "System.Object");
            default -> null;
        };
    }

    private List<Object> properties() {
        List<Object> out = new ArrayList<>();
        boolean note = target instanceof PSCustomObject;
        for (String n : Members.propertyNames(target)) {
            Object v = Members.getProperty(target, n);
            String kind = target instanceof PSCustomObject c ? c.memberType(n) : "Property";
            out.add(new PSPropertyInfo(n, v, v == null ? "System.Object" : Members.typeName(v), kind, note));
        }
        return out;
    }

    @Override
    public String toString() {
        return LanguagePrimitives.toStr(target);
    }
}
