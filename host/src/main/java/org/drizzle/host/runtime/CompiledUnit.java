package org.drizzle.host.runtime;

import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.compile.CompiledScript;
import org.openjdk.nashorn.api.scripting.JSObject;

/** A compiled script loaded into Nashorn: its blocks' JS functions, bound to one runtime bridge. */
final class CompiledUnit {
    private final CompiledScript script;
    private final JSObject blocks;

    CompiledUnit(CompiledScript script, ScriptRuntime rt) {
        this.script = script;
        JSObject factory = NashornEngine.function(script.javaScript(), script.file());
        this.blocks = (JSObject) factory.call(null, rt, script.constants().toArray());
    }

    String file() {
        return script.file();
    }

    ScriptBlockAst ast(int index) {
        return script.blocks().get(index);
    }

    /** The JS function for part {@code p} (param defaults), {@code b}, {@code r} or {@code e} of block {@code index}; null if absent. */
    JSObject part(int index, String part) {
        JSObject block = (JSObject) blocks.getSlot(index);
        Object f = block.getMember(part);
        return f instanceof JSObject j && j.isFunction() ? j : null;
    }
}
