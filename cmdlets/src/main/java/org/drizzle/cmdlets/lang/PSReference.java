package org.drizzle.cmdlets.lang;

import java.util.List;

/**
 * {@code [ref]}: a reference whose {@code Value} reads and writes what it refers to. {@code [ref]10}
 * holds its own value; the host's subclass for {@code [ref]$x} reads and writes the variable, so a
 * function given {@code ([ref]$x)} or a .NET method's out argument ({@code [int]::TryParse($s, [ref]$n)})
 * changes the caller's variable.
 */
public class PSReference implements PropertyBag {
    private Object value;

    public PSReference(Object value) {
        this.value = value;
    }

    /** What the reference points at now. */
    public Object getValue() {
        return value;
    }

    public void setValue(Object v) {
        value = v;
    }

    @Override
    public List<String> propertyNames() {
        return List.of("Value");
    }

    @Override
    public boolean hasProperty(String name) {
        return name.equalsIgnoreCase("Value");
    }

    @Override
    public Object getProperty(String name) {
        return hasProperty(name) ? getValue() : null;
    }

    @Override
    public void setProperty(String name, Object v) {
        if (!hasProperty(name)) {
            throw new IllegalArgumentException("The property '" + name + "' cannot be found on this object. Verify that the property exists and can be set.");
        }
        setValue(v);
    }

    /** Sets {@code target}'s Value when it is a reference (a .NET out argument); false otherwise. */
    public static boolean assign(Object target, Object v) {
        if (target instanceof PSReference r) {
            r.setValue(v);
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return "System.Management.Automation.PSReference";
    }
}
