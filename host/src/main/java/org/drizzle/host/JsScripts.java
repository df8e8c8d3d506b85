package org.drizzle.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.script.Bindings;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.SimpleScriptContext;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.host.runtime.ExitException;
import org.drizzle.host.runtime.NashornEngine;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/**
 * Runs a .js script on the shared Nashorn engine with every command as a function named
 * with '_' for '-': {@code Start_BitsTransfer({Source: url, Destination: path, Asynchronous: true})}
 * returns a JS array of the command's output objects, whose properties read live
 * ({@code job.JobState}). {@code ps("Get-BitsTransfer | Where-Object ...")} runs PowerShell text;
 * {@code pipeline(objects, "Remove-BitsTransfer", {...})} feeds objects to a command;
 * {@code args} holds the script's arguments; {@code exit(n)} ends the process with n.
 */
final class JsScripts {
    private JsScripts() {
    }

    static int run(HostSession host, String source, String file, List<String> args) {
        ScriptEngine engine = NashornEngine.get();
        ScriptContext ctx = new SimpleScriptContext();
        Bindings b = engine.createBindings();
        ctx.setBindings(b, ScriptContext.ENGINE_SCOPE);
        ctx.setWriter(new java.io.PrintWriter(System.out, true));
        ctx.setErrorWriter(new java.io.PrintWriter(System.err, true));
        JsBridge bridge = new JsBridge(host);
        b.put("__drizzle", bridge);
        b.put("args", args.toArray(new String[0]));
        try {
            engine.eval(prelude(host), ctx);
            ctx.setAttribute(ScriptEngine.FILENAME, file, ScriptContext.ENGINE_SCOPE);
            engine.eval(source, ctx);
            return bridge.failed() ? 1 : 0;
        } catch (javax.script.ScriptException e) {
            Throwable t = e.getCause();
            while (t != null && !(t instanceof ExitException)) {
                t = t.getCause();
            }
            if (t instanceof ExitException x) {
                return x.code();
            }
            System.err.println(file + ":" + e.getLineNumber() + ":" + Math.max(1, e.getColumnNumber()) + ": "
                    + (e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage()));
            return 1;
        } catch (ExitException e) {
            return e.code();
        }
    }

    /** One JS function per command and alias-free name, plus ps(), pipeline() and exit(). */
    private static String prelude(HostSession host) {
        StringBuilder js = new StringBuilder();
        js.append("function __wrap(r) { var a = []; for (var i = 0; i < r.length; i++) a.push(r[i]); return a; }\n");
        js.append("function ps(text) { return __wrap(__drizzle.ps(text)); }\n");
        js.append("function pipeline(input, name, params) { return __wrap(__drizzle.invoke(name, params || {}, input, true)); }\n");
        js.append("function exit(code) { __drizzle.exit(code || 0); }\n");
        for (CommandMetadata c : host.session().registry().commands()) {
            String fn = c.name().replace('-', '_');
            if (fn.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                js.append("function ").append(fn).append("(params) { return __wrap(__drizzle.invoke('")
                        .append(c.name()).append("', params || {}, null, false)); }\n");
            }
        }
        return js.toString();
    }

    /** What the prelude calls: runs commands through the session's script runner. */
    public static final class JsBridge {
        private final HostSession host;
        private boolean failed;

        JsBridge(HostSession host) {
            this.host = host;
        }

        boolean failed() {
            return failed || host.runner().lastStatementFailed();
        }

        public Object[] ps(String text) {
            return host.runner().capture(text).stream().map(JsView::wrap).toArray();
        }

        public Object[] invoke(String name, Object params, Object input, boolean hasInput) {
            List<Argument> args = new ArrayList<>();
            if (params instanceof ScriptObjectMirror m) {
                for (Map.Entry<String, Object> e : m.entrySet()) {
                    args.add(new Argument(e.getKey(), JsView.unwrap(e.getValue()), true, false));
                }
            }
            List<Object> out = host.runner().invokeCommand(name, args, hasInput ? JsView.unwrap(input) : null, hasInput);
            return out.stream().map(JsView::wrap).toArray();
        }

        public void exit(Object code) {
            throw new ExitException(code instanceof Number n ? n.intValue() : 0);
        }
    }
}
