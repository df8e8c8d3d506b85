package org.drizzle.host.runtime;

import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.JSObject;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/**
 * The one Nashorn engine of the process, created on first use and reused for every script
 * (a new engine costs ~300 ms; a reused one compiles in milliseconds). Generated code reaches
 * Java only through the runtime bridge it is handed.
 */
public final class NashornEngine {
    private static volatile ScriptEngine engine;

    private NashornEngine() {
    }

    public static ScriptEngine get() {
        ScriptEngine e = engine;
        if (e == null) {
            synchronized (NashornEngine.class) {
                e = engine;
                if (e == null) {
                    e = new NashornScriptEngineFactory().getScriptEngine(
                            new String[] {"--language=es5", "--optimistic-types=false", "--lazy-compilation=true"}, NashornEngine.class.getClassLoader());
                    engine = e;
                }
            }
        }
        return e;
    }

    /**
     * Starts creating the engine on another thread (no-op once it exists), so a cold host
     * lowers and emits a script while Nashorn starts; {@link #get} then waits for it.
     */
    static void warmUp() {
        if (engine == null) {
            Thread t = new Thread(NashornEngine::get, "drizzle-nashorn-start");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Evaluates generated code that yields a function, and returns that function. */
    static JSObject function(String javaScript, String file) {
        try {
            ScriptEngine e = get();
            e.getContext().setAttribute(ScriptEngine.FILENAME, file, javax.script.ScriptContext.ENGINE_SCOPE);
            return (JSObject) e.eval(javaScript);
        } catch (ScriptException ex) {
            throw new IllegalStateException("Generated JavaScript for " + file + " did not compile: " + ex.getMessage(), ex);
        }
    }
}
