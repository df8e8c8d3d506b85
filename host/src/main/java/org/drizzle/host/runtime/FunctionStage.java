package org.drizzle.host.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.api.BoundParameters;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.ParameterBinder;
import org.drizzle.cmdlets.api.ParameterMetadata;
import org.drizzle.cmdlets.lang.Hashtable;

/**
 * A script function, script file or {@code & { }} block in a pipeline. Arguments bind through
 * the same {@link ParameterBinder} as cmdlets; the body runs in a new scope: begin once,
 * process per input with $_ (or, without a process block, the inputs collected into $input
 * for the end block), then end.
 */
final class FunctionStage implements Stage {
    private final ScriptRunner rt;
    private final FunctionDefinition f;
    private final ParameterBinder binder;
    private final BoundParameters bound;
    private final boolean expectingInput;
    private final Map<String, Object> extraVariables;
    private final List<Object> collected = new ArrayList<>();
    private final boolean hasProcess;
    private Scope scope;
    private Consumer<Object> downstream;
    private StreamRedirects.Active redirects;

    FunctionStage(ScriptRunner rt, FunctionDefinition f, List<Argument> args, boolean expectingInput,
                  Map<String, Object> extraVariables) {
        this.rt = rt;
        this.f = f;
        this.binder = new ParameterBinder(f.metadata());
        this.expectingInput = expectingInput;
        this.extraVariables = extraVariables;
        this.hasProcess = !f.ast().process().isEmpty();
        try {
            this.bound = binder.bind(args, expectingInput && hasProcess);
        } catch (CommandException e) {
            throw new CommandException(e.record().withCommand(f.name()));
        }
    }

    void redirect(StreamRedirects r, Consumer<Object> sink) {
        this.redirects = r.isEmpty() ? null : new StreamRedirects.Active(r, sink);
    }

    /** Runs one part of the body, with this call's redirections applying to the commands in it. */
    private void runPart(String part, Consumer<Object> sink) {
        if (redirects == null) {
            rt.runPart(f.unit(), f.block(), part, scope, sink);
            return;
        }
        rt.pushRedirects(redirects);
        try {
            rt.runPart(f.unit(), f.block(), part, scope, sink);
        } finally {
            rt.popRedirects();
        }
    }

    @Override
    public void begin(Consumer<Object> down) {
        this.downstream = down;
        // block 0 of a unit is a whole script (a file, or the command text run in a new scope)
        scope = new Scope(rt.scope(), f.block() == 0 && !f.name().equals(Pipeline.SCRIPT_BLOCK));
        extraVariables.forEach(scope::set);
        for (ParameterMetadata p : f.metadata().parameters()) {
            if (!p.name().equals(FunctionDefinition.REMAINING)) {
                scope.set(p.name(), p.isSwitch() ? Boolean.FALSE : null);
            }
        }
        scope.set("args", new ArrayList<>());
        apply(bound);
        if (bound.common().errorAction() != null) {
            scope.set("ErrorActionPreference", bound.common().errorAction().name());
        }
        if (bound.common().verbose() != null && bound.common().verbose()) {
            scope.set("VerbosePreference", "Continue");
        }
        if (bound.common().warningAction() != null) {
            scope.set("WarningPreference", org.drizzle.cmdlets.lang.LanguagePrimitives.toStr(bound.common().warningAction()));
        }
        if (bound.common().informationAction() != null) {
            scope.set("InformationPreference", org.drizzle.cmdlets.lang.LanguagePrimitives.toStr(bound.common().informationAction()));
        }
        if (bound.common().progressAction() != null) {
            scope.set("ProgressPreference", org.drizzle.cmdlets.lang.LanguagePrimitives.toStr(bound.common().progressAction()));
        }
        if (Boolean.TRUE.equals(bound.common().debug())) {
            scope.set("DebugPreference", "Continue");
        }
        boolean whatIf = Boolean.TRUE.equals(bound.common().whatIf());
        scope.set("WhatIfPreference", whatIf);
        scope.set("PSCmdlet", new PsCmdlet(rt, whatIf, bound.parameterSetName(), commandName()));
        scope.set("MyInvocation", invocation());
        runPart("p", down);
        runPart("b", down);
    }

    /** The command's name as PowerShell reports it: a function's name, a script's file name. */
    private String commandName() {
        Object path = extraVariables.get("PSCommandPath");
        return path == null ? f.name() : java.nio.file.Path.of(path.toString()).getFileName().toString();
    }

    /** $MyInvocation: MyCommand.Name/Path, ScriptName, InvocationName. */
    private org.drizzle.cmdlets.lang.PSCustomObject invocation() {
        Object path = extraVariables.get("PSCommandPath");
        org.drizzle.cmdlets.lang.PSCustomObject command = new org.drizzle.cmdlets.lang.PSCustomObject();
        // a script's command is named by its file name, as ExternalScriptInfo is
        command.setProperty("Name", commandName());
        command.setProperty("Path", path);
        command.setProperty("Definition", f.ast().text());
        org.drizzle.cmdlets.lang.PSCustomObject inv = new org.drizzle.cmdlets.lang.PSCustomObject();
        inv.setProperty("MyCommand", command);
        inv.setProperty("InvocationName", f.name());
        inv.setProperty("ScriptName", path == null ? rt.position().file() : path);
        inv.setProperty("BoundParameters", scope.get("PSBoundParameters"));
        return inv;
    }

    private void apply(BoundParameters b) {
        Hashtable psBound = new Hashtable();
        for (Map.Entry<ParameterMetadata, Object> e : b.values().entrySet()) {
            String name = e.getKey().name();
            Object v = e.getValue();
            if (name.equals(FunctionDefinition.REMAINING)) {
                scope.set("args", new ArrayList<>(org.drizzle.cmdlets.lang.LanguagePrimitives.toList(v)));
                continue;
            }
            for (org.drizzle.host.ast.ParameterAst p : f.ast().parameters()) {
                if (p.name().equalsIgnoreCase(name)) {
                    ParameterValidation.check(f.name(), p, v);
                }
            }
            scope.set(name, v);
            scope.set("__bound_" + name, true);
            psBound.put(name, v);
        }
        scope.set("PSBoundParameters", psBound);
    }

    @Override
    public void process(Object input) {
        if (!hasProcess) {
            if (input != null) {
                collected.add(input);
            }
            return;
        }
        scope.set("_", input);
        if (expectingInput && f.metadata().takesPipelineInput()) {
            apply(binder.bindPipelineInput(bound, input));
        }
        runPart("r", downstream);
    }

    @Override
    public void end() {
        scope.set("input", collected);
        scope.set("_", null);
        runPart("e", downstream);
    }
}
