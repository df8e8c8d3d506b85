package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.ScriptBlock;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;

/** ForEach-Object: runs script blocks per input (with -Begin/-End), or reads a property or calls a method (-MemberName). */
@Cmdlet(verb = "ForEach", noun = "Object", synopsis = "Performs an operation against each item in a collection.",
        description = "Runs -Process for each input with $_ set to it, -Begin before the first and -End after the "
                + "last. Positional blocks are Process; Begin, Process; or Begin, Process..., End. -MemberName reads a property "
                + "or calls a method (with -ArgumentList); with -MemberName, -WhatIf shows each read or call instead "
                + "of doing it and -Confirm asks first (script blocks refuse -WhatIf/-Confirm, as in PowerShell).",
        supportsShouldProcess = true)
@Example(code = "Get-BitsTransfer | ForEach-Object { $_.DisplayName }", remarks = "The names of the jobs.")
@Example(code = "Get-BitsTransfer | ForEach-Object -MemberName JobId", remarks = "The ids of the jobs.")
public class ForEachObjectCommand extends Command {
    @Parameter(position = 0, valueFromRemainingArguments = true, help = "Script blocks (or a member name).")
    Object[] process;
    @Parameter(help = "Runs once before the first input.")
    ScriptBlock begin;
    @Parameter(help = "Runs once after the last input.")
    ScriptBlock end;
    @Parameter(help = "A property to read, or a method to call, on each input.")
    String memberName;
    @Parameter(aliases = "Args", help = "With -MemberName, the arguments of the method to call.")
    Object[] argumentList;
    @Parameter(help = "More script blocks: with -Process, the first is Begin, the last End, the others Process blocks.")
    Object[] remainingScripts;
    @Parameter(valueFromPipeline = true, help = "The objects to process.")
    Object inputObject;

    private final java.util.List<ScriptBlock> processBlocks = new java.util.ArrayList<>();
    private ScriptBlock beginBlock;
    private ScriptBlock endBlock;

    @Override
    public void begin() {
        if (memberName == null && shouldProcessRequested()
                && (process == null || process.length == 0 || process[0] instanceof ScriptBlock)) {
            throw throwTerminating(new ErrorRecord(new IllegalStateException(
                    "The -WhatIf and -Confirm parameters are not supported for script blocks."),
                    "NoShouldProcessForScriptBlockSet", ErrorCategory.INVALID_OPERATION, null));
        }
        beginBlock = begin;
        endBlock = end;
        java.util.List<Object> blocks = new java.util.ArrayList<>();
        if (process != null) {
            blocks.addAll(java.util.Arrays.asList(process));
        }
        if (remainingScripts != null) {
            blocks.addAll(java.util.Arrays.asList(remainingScripts));
        }
        if (!blocks.isEmpty() && !(blocks.get(0) instanceof ScriptBlock) && memberName == null) {
            memberName = LanguagePrimitives.toStr(blocks.get(0));
            if (argumentList == null && blocks.size() > 1) {
                // ForEach-Object Split '.': the values after the member name are its arguments
                argumentList = blocks.subList(1, blocks.size()).toArray();
            }
        } else if (!blocks.isEmpty()) {
            // PowerShell: one block is Process; two are Begin, Process; more are Begin, Process..., End
            int n = blocks.size();
            if (n == 1) {
                processBlocks.add(block(blocks.get(0)));
            } else {
                beginBlock = block(blocks.get(0));
                for (Object b : blocks.subList(1, n == 2 ? 2 : n - 1)) {
                    processBlocks.add(block(b));
                }
                if (n >= 3) {
                    endBlock = block(blocks.get(n - 1));
                }
            }
        }
        if (beginBlock != null) {
            beginBlock.invokeInCallerScope(null).forEach(this::writeObject);
        }
    }

    private static ScriptBlock block(Object o) {
        if (o instanceof ScriptBlock sb) {
            return sb;
        }
        throw new IllegalArgumentException("ForEach-Object expects script blocks; got '" + LanguagePrimitives.toStr(o) + "'.");
    }

    @Override
    public void process(Object input) {
        Object item = Outputs.item(inputObject, input);
        if (memberName != null) {
            if (!context().shouldProcess("InputObject: " + shown(item), action(item))) {
                return;
            }
            Object v = member(item);
            if (v != null) {
                context().writeEnumerated(v);
            }
        } else {
            for (ScriptBlock b : processBlocks) {
                b.invokeInCallerScope(item).forEach(this::writeObject);
            }
        }
    }

    /** What -WhatIf/-Confirm name for -MemberName on this item, in PowerShell's words. */
    private String action(Object item) {
        if (argumentList != null) {
            return "Invoke method '" + memberName + "' with arguments: "
                    + java.util.Arrays.stream(argumentList).map(ForEachObjectCommand::shown)
                            .collect(java.util.stream.Collectors.joining(", "));
        }
        if (item instanceof java.util.Map<?, ?> && Members.hasProperty(item, memberName)) {
            return "Retrieve the value for key '" + memberName + "'";
        }
        if (item == null || Members.hasProperty(item, memberName)) {
            return "Retrieve the value for property '" + memberName + "'";
        }
        return "Invoke method '" + memberName + "'";
    }

    private static String shown(Object o) {
        // PowerShell shows an object's ToString(); a dictionary's is its type name
        return o == null ? "null" : o instanceof java.util.Map<?, ?> ? Members.typeName(o) : LanguagePrimitives.toStr(o);
    }

    /** -MemberName: the property's value, or the method's result (always a method with -ArgumentList). */
    private Object member(Object item) {
        if (argumentList != null) {
            return Members.invokeMethod(item, memberName, java.util.Arrays.asList(argumentList));
        }
        if (item == null || Members.hasProperty(item, memberName)) {
            return Members.getProperty(item, memberName);
        }
        try {
            return Members.invokeMethod(item, memberName, java.util.List.of());
        } catch (IllegalArgumentException e) {
            return null; // neither a property nor a method: nothing, as for a missing property
        }
    }

    @Override
    public void end() {
        if (endBlock != null) {
            endBlock.invokeInCallerScope(null).forEach(this::writeObject);
        }
    }
}
