package org.drizzle.cmdlets.bits;

import java.util.List;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** A [byte[]] argument as scripts write it: a byte array, or numbers 0-255 ({@code (1..16)}). */
final class BytesArgument {
    private BytesArgument() {
    }

    static byte[] of(Object value) {
        if (value instanceof byte[] b) {
            return b.clone();
        }
        List<Object> items = LanguagePrimitives.toList(value);
        byte[] out = new byte[items.size()];
        for (int i = 0; i < out.length; i++) {
            int n = LanguagePrimitives.toInt(items.get(i));
            if (n < 0 || n > 255) {
                throw new IllegalArgumentException("Cannot convert value \"" + n + "\" to type \"System.Byte\": a byte is 0 to 255.");
            }
            out[i] = (byte) n;
        }
        return out;
    }
}
