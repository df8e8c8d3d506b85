package org.drizzle.host.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.drizzle.cmdlets.api.ActionPreference;
import org.drizzle.cmdlets.api.CommandContext;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.CommonParameters;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.HostUi;
import org.drizzle.cmdlets.api.ProgressRecord;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.engine.api.EngineClient;

/**
 * The {@link CommandContext} of one command invocation: output goes downstream, errors follow
 * its -ErrorAction (or $ErrorActionPreference), warnings and verbose text follow
 * -WarningAction / -Verbose, and -WhatIf answers shouldProcess. -ErrorVariable and
 * -OutVariable collect into session variables.
 */
final class HostContext implements CommandContext {
    private final ScriptRunner rt;
    private final String command;
    private final CommonParameters common;
    private final Consumer<Object> downstream;
    private final StreamRedirects redirect;
    private final Consumer<Object> mergeSink;
    private final List<Object> outVariable = new ArrayList<>();
    private final List<Object> errorVariable = new ArrayList<>();
    private final List<Object> warningVariable = new ArrayList<>();
    private final List<Object> informationVariable = new ArrayList<>();

    HostContext(ScriptRunner rt, String command, CommonParameters common, Consumer<Object> downstream,
                StreamRedirects redirect, Consumer<Object> mergeSink) {
        this.rt = rt;
        this.command = command;
        this.common = common;
        this.downstream = downstream;
        this.redirect = redirect;
        this.mergeSink = mergeSink;
        if (common.outVariable() != null) {
            rt.setVariable(common.outVariable(), outVariable);
        }
        if (common.errorVariable() != null) {
            rt.setVariable(common.errorVariable(), errorVariable);
        }
        if (common.warningVariable() != null) {
            rt.setVariable(common.warningVariable(), warningVariable);
        }
        if (common.informationVariable() != null) {
            rt.setVariable(common.informationVariable(), informationVariable);
        }
    }

    /** The host's own commands (Invoke-Expression) reach the runner through this. */
    ScriptRunner runner() {
        return rt;
    }

    @Override
    public void writeObject(Object value) {
        if (common.outVariable() != null) {
            outVariable.add(value);
        }
        if (common.pipelineVariable() != null) {
            rt.setVariable(common.pipelineVariable(), value);
        }
        downstream.accept(value);
    }

    @Override
    public void writeEnumerated(Object value) {
        if (LanguagePrimitives.isEnumerable(value)) {
            LanguagePrimitives.toList(value).forEach(this::writeObject);
        } else if (value != null) {
            writeObject(value);
        }
    }

    @Override
    public void writeError(ErrorRecord record) {
        ErrorRecord r = record.commandName() == null ? record.withCommand(command) : record;
        if (common.errorVariable() != null) {
            errorVariable.add(r);
        }
        StreamRedirects.Active routed = routeOf(StreamRedirects.ERROR);
        StreamRedirects.Target to = routed == null ? null : routed.redirects().of(StreamRedirects.ERROR);
        if (to != null && to.mode() == StreamRedirects.Mode.MERGE) {
            routed.sink().accept(r);
            return;
        }
        if (to != null && to.mode() == StreamRedirects.Mode.FILE) {
            routed.redirects().route(StreamRedirects.ERROR, r, r.toString(), routed.sink());
        }
        rt.errors().nonTerminating(r, to != null ? ActionPreference.SILENTLY_CONTINUE : common.errorAction());
    }

    @Override
    public void writeWarning(String message) {
        ActionPreference a = common.warningAction() != null ? common.warningAction() : preference("WarningPreference");
        if (common.warningVariable() != null) {
            warningVariable.add(new org.drizzle.cmdlets.api.StreamRecord("Warning", message));
        }
        if (a == ActionPreference.SILENTLY_CONTINUE || a == ActionPreference.IGNORE) {
            return;
        }
        if (!route(StreamRedirects.WARNING, new org.drizzle.cmdlets.api.StreamRecord("Warning", message), message)) {
            rt.session().diagnostic("WARNING: " + message, "Yellow");
        }
        if (a == ActionPreference.STOP) {
            throw rt.errors().thrown("The running command stopped because the preference variable \"WarningPreference\" "
                    + "or common parameter is set to Stop: " + message);
        }
    }

    @Override
    public void writeVerbose(String message) {
        boolean on = common.verbose() != null ? common.verbose()
                : preference("VerbosePreference") == ActionPreference.CONTINUE;
        if (on && !route(StreamRedirects.VERBOSE, new org.drizzle.cmdlets.api.StreamRecord("Verbose", message), message)) {
            rt.session().diagnostic("VERBOSE: " + message, "Yellow");
        }
    }

    @Override
    public void writeDebug(String message) {
        if ((Boolean.TRUE.equals(common.debug()) || preference("DebugPreference") == ActionPreference.CONTINUE)
                && !route(StreamRedirects.DEBUG, new org.drizzle.cmdlets.api.StreamRecord("Debug", message), message)) {
            rt.session().diagnostic("DEBUG: " + message, "Yellow");
        }
    }

    @Override
    public void writeInformation(Object message) {
        ActionPreference a = common.informationAction() != null ? common.informationAction() : preference("InformationPreference");
        String text = org.drizzle.cmdlets.lang.LanguagePrimitives.toStr(message);
        if (common.informationVariable() != null) {
            informationVariable.add(new org.drizzle.cmdlets.api.StreamRecord("Information", text));
        }
        if (route(StreamRedirects.INFORMATION, new org.drizzle.cmdlets.api.StreamRecord("Information", text), text)) {
            return;
        }
        if (a == ActionPreference.CONTINUE || a == ActionPreference.INQUIRE) {
            rt.session().ui().write(text, null, true);
        } else if (a == ActionPreference.STOP) {
            throw rt.errors().thrown("The running command stopped because the preference variable \"InformationPreference\" "
                    + "or common parameter is set to Stop: " + org.drizzle.cmdlets.lang.LanguagePrimitives.toStr(message));
        }
    }

    @Override
    public void writeHost(String text, String color, boolean newline) {
        if (!route(StreamRedirects.INFORMATION, new org.drizzle.cmdlets.api.StreamRecord("Information", text), text)) {
            rt.session().ui().write(text, color, newline);
        }
    }

    /** This command's own redirection of {@code stream}, else that of the innermost function call redirecting it. */
    private StreamRedirects.Active routeOf(int stream) {
        if (redirect.of(stream) != null) {
            return new StreamRedirects.Active(redirect, mergeSink);
        }
        return rt.outerRedirect(stream);
    }

    /** Sends a stream's record where it was redirected; false when it was not. */
    private boolean route(int stream, Object record, String text) {
        StreamRedirects.Active a = routeOf(stream);
        return a != null && a.redirects().route(stream, record, text, a.sink());
    }

    @Override
    public void writeProgress(ProgressRecord record) {
        ActionPreference a = common.progressAction() != null ? common.progressAction() : preference("ProgressPreference");
        if (a != ActionPreference.SILENTLY_CONTINUE) {
            rt.session().ui().progress(record);
        }
    }

    private ActionPreference preference(String variable) {
        Object v = rt.peek(variable);
        try {
            return v == null ? ActionPreference.SILENTLY_CONTINUE : ActionPreference.parse(v);
        } catch (IllegalArgumentException e) {
            return ActionPreference.CONTINUE;
        }
    }

    @Override
    public boolean shouldProcess(String target, String action) {
        if (Boolean.TRUE.equals(common.whatIf())) {
            rt.session().ui().write("What if: Performing the operation \"" + action + "\" on target \"" + target + "\".",
                    null, true);
            return false;
        }
        if (Boolean.TRUE.equals(common.confirm()) && rt.session().ui().isInteractive()) {
            String answer = rt.session().ui().readLine("Confirm: " + action + " on \"" + target + "\"? [Y] Yes [N] No: ", false);
            return answer != null && answer.trim().toLowerCase().startsWith("y");
        }
        return true;
    }

    @Override
    public HostUi ui() {
        return rt.session().ui();
    }

    @Override
    public EngineClient engine() {
        return rt.session().engine();
    }

    @Override
    public Path currentLocation() {
        return rt.session().location();
    }

    @Override
    public void setCurrentLocation(Path path) {
        rt.session().setLocation(path);
    }

    @Override
    public Object getVariable(String name) {
        return rt.variable(name);
    }

    @Override
    public void setVariable(String name, Object value) {
        rt.setVariable(name, value);
    }

    @Override
    public boolean isInstanceOf(Object value, String typeName) {
        return Operators.is(value, typeName);
    }

    @Override
    public boolean isStopping() {
        return rt.isStopping();
    }

    /** The session's registry: Set-Alias and New-Alias add to it. */
    @Override
    public org.drizzle.cmdlets.api.CommandRegistry commands() {
        return rt.session().registry();
    }

    /**
     * Get-Help's lookup as PowerShell's: a function of the session (or a built-in one such as
     * mkdir), then a cmdlet or alias, then a script file by path.
     */
    @Override
    public Optional<CommandMetadata> findCommand(String nameOrPath) {
        FunctionDefinition f = rt.session().function(nameOrPath);
        if (f == null && rt.session().registry().find(nameOrPath).isEmpty()) {
            f = BuiltInFunctions.find(rt, nameOrPath);
        }
        if (f != null) {
            return Optional.of(f.metadata());
        }
        Optional<CommandMetadata> command = rt.session().registry().find(nameOrPath);
        return command.isPresent() ? command : ScriptFile.help(rt, nameOrPath);
    }

    @Override
    public java.util.Map<String, String> environmentChanges() {
        return rt.session().environmentOverrides();
    }
}
