package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.ScriptBlock;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;

/** ForEach-Object: runs a script block per input (with -Begin/-End), or reads a member (-MemberName). */
@Cmdlet(verb = "ForEach", noun = "Object", synopsis = "Performs an operation against each item in a collection.",
        description = "Runs -Process for each input with $_ set to it, -Begin before the first and -End after the "
                + "last. Positional blocks are Process, or Begin, Process[, End]. -MemberName reads a property.")
@Example(code = "Get-BitsTransfer | ForEach-Object { $_.DisplayName }", remarks = "The names of the jobs.")
@Example(code = "Get-BitsTransfer | ForEach-Object -MemberName JobId", remarks = "The ids of the jobs.")
public class ForEachObjectCommand extends Command {
    @Parameter(position = 0, valueFromRemainingArguments = true, help = "Script blocks (or a member name).")
    Object[] process;
    @Parameter(help = "Runs once before the first input.")
    ScriptBlock begin;
    @Parameter(help = "Runs once after the last input.")
    ScriptBlock end;
    @Parameter(help = "A property to read from each input.")
    String memberName;
    @Parameter(valueFromPipeline = true, help = "The objects to process.")
    Object inputObject;

    private ScriptBlock processBlock;
    private ScriptBlock beginBlock;
    private ScriptBlock endBlock;

    @Override
    public void begin() {
        beginBlock = begin;
        endBlock = end;
        if (process != null && process.length > 0 && !(process[0] instanceof ScriptBlock) && memberName == null) {
            memberName = LanguagePrimitives.toStr(process[0]);
        } else if (process != null && process.length > 0) {
            int n = process.length;
            processBlock = block(process[n == 1 ? 0 : 1]);
            if (n >= 2) {
                beginBlock = block(process[0]);
            }
            if (n >= 3) {
                endBlock = block(process[2]);
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
            Object v = Members.getProperty(item, memberName);
            if (v != null) {
                context().writeEnumerated(v);
            }
        } else if (processBlock != null) {
            processBlock.invokeInCallerScope(item).forEach(this::writeObject);
        }
    }

    @Override
    public void end() {
        if (endBlock != null) {
            endBlock.invokeInCallerScope(null).forEach(this::writeObject);
        }
    }
}
