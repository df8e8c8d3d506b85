package org.drizzle.cmdlets.lang;

/** A value that cannot be converted to the type a cast, operator or parameter needs. */
public class ConversionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConversionException(Object value, String type, String detail) {
        super("Cannot convert value \"" + LanguagePrimitives.toStr(value) + "\" to type \"" + type + "\". " + detail);
    }

    public ConversionException(String message) {
        super(message);
    }
}
