package org.drizzle.host.runtime;

import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** The exception behind {@code throw 'message'} or {@code throw $object}: its message is the value as text. */
public final class ThrownValue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Object value;

    public ThrownValue(Object value) {
        super(value == null ? "ScriptHalted" : LanguagePrimitives.toStr(value), null, false, false);
        this.value = value;
    }

    public Object value() {
        return value;
    }
}
