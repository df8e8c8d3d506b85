package org.drizzle.cmdlets.bits;

import java.util.Arrays;
import java.util.List;
import org.drizzle.cmdlets.lang.PropertyBag;

/**
 * A SecureString (ConvertTo-SecureString, Read-Host -AsSecureString): text that never shows in
 * output, only its Length; PSCredential and ConvertFrom-SecureString read it.
 */
public final class SecureString implements PropertyBag {
    private final char[] chars;

    public SecureString(char[] chars) {
        this.chars = chars.clone();
    }

    /** The characters, for a credential or for encrypting with a key; never for output. */
    public char[] chars() {
        return chars.clone();
    }

    @Override
    public List<String> propertyNames() {
        return List.of("Length");
    }

    @Override
    public boolean hasProperty(String name) {
        return "Length".equalsIgnoreCase(name);
    }

    @Override
    public Object getProperty(String name) {
        return hasProperty(name) ? chars.length : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecureString s && Arrays.equals(s.chars, chars);
    }

    @Override
    public int hashCode() {
        return chars.length;
    }

    @Override
    public String toString() {
        return PSCredential.SECURE_STRING;
    }
}
