package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.ScriptBlock;
import org.drizzle.cmdlets.lang.Comparison;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;

/** Where-Object: passes the inputs for which a script block, or a property comparison, is true. */
@Cmdlet(verb = "Where", noun = "Object", synopsis = "Selects objects from a collection based on their property values.",
        description = "Passes each input for which the script block is true, or, in the simplified form, for which "
                + "the named property compares true with the value (-eq, -ne, -gt, -like, -match, -in, ...).")
@Example(code = "Get-BitsTransfer | Where-Object { $_.JobState -eq 'Error' }", remarks = "Jobs in error.")
@Example(code = "Get-BitsTransfer | Where-Object JobState -eq Transferred", remarks = "The simplified form.")
public class WhereObjectCommand extends Command {
    private static final String[] OPERATORS = {"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match",
        "notmatch", "contains", "notcontains", "in", "notin", "ceq", "cne", "clike", "cmatch"};

    @Parameter(position = 0, aliases = "Property", help = "A script block, or a property name for the simplified form.")
    Object filterScript;
    @Parameter(position = 1, help = "The value the property is compared with.")
    Object value;
    @Parameter(valueFromPipeline = true, help = "The objects to filter.")
    Object inputObject;
    @Parameter(name = "EQ") boolean eq;
    @Parameter(name = "NE") boolean ne;
    @Parameter(name = "GT") boolean gt;
    @Parameter(name = "GE") boolean ge;
    @Parameter(name = "LT") boolean lt;
    @Parameter(name = "LE") boolean le;
    @Parameter(name = "Like") boolean like;
    @Parameter(name = "NotLike") boolean notLike;
    @Parameter(name = "Match") boolean match;
    @Parameter(name = "NotMatch") boolean notMatch;
    @Parameter(name = "Contains", aliases = "IContains") boolean contains;
    @Parameter(name = "NotContains") boolean notContains;
    @Parameter(name = "In") boolean in;
    @Parameter(name = "NotIn") boolean notIn;
    @Parameter(name = "CEQ") boolean ceq;
    @Parameter(name = "CNE") boolean cne;
    @Parameter(name = "CLike") boolean cLike;
    @Parameter(name = "CMatch") boolean cMatch;

    @Override
    public void process(Object input) {
        Object item = inputObject != null ? inputObject : input;
        if (item == null && input == null) {
            return;
        }
        if (filterScript instanceof ScriptBlock sb) {
            if (LanguagePrimitives.isTrue(Outputs.single(sb.invokeInCallerScope(item)))) {
                writeObject(item);
            }
            return;
        }
        Object property = Members.getProperty(item, LanguagePrimitives.toStr(filterScript));
        String op = operator();
        boolean keep = LanguagePrimitives.isTrue(op == null ? property : Comparison.apply(op, property, value));
        if (keep) {
            writeObject(item);
        }
    }

    private String operator() {
        boolean[] set = {eq, ne, gt, ge, lt, le, like, notLike, match, notMatch, contains, notContains, in, notIn,
            ceq, cne, cLike, cMatch};
        for (int i = 0; i < set.length; i++) {
            if (set[i]) {
                return OPERATORS[i];
            }
        }
        return null;
    }
}
