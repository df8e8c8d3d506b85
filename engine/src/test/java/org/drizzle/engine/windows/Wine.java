package org.drizzle.engine.windows;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/** Whether these tests run under Wine (its ntdll exports wine_get_version), for the few behaviours Wine lacks. */
final class Wine {
    private Wine() {
    }

    static boolean running() {
        try {
            Function f = NativeLibrary.getInstance("ntdll").getFunction("wine_get_version");
            return f != null;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
