package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Write-Output: sends objects down the pipeline, enumerating collections unless -NoEnumerate. */
@Cmdlet(verb = "Write", noun = "Output", synopsis = "Writes objects to the pipeline.")
@Example(code = "Write-Output \"Done\"", remarks = "Outputs a string.")
public class WriteOutputCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, valueFromRemainingArguments = true,
            help = "The objects to output.")
    Object[] inputObject;
    @Parameter(help = "Output a collection as one object.")
    boolean noEnumerate;

    @Override
    public void process(Object input) {
        Object value = inputObject.length == 1 ? inputObject[0] : inputObject;
        if (noEnumerate) {
            writeObject(value);
        } else {
            context().writeEnumerated(value);
        }
    }
}
