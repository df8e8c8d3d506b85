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
        "notmatch", "contains", "notcontains", "in", "notin", "ceq", "cne", "cgt", "cge", "clt", "cle", "clike",
        "cnotlike", "cmatch", "cnotmatch", "ccontains", "cnotcontains", "cin", "cnotin"};

    @Parameter(position = 0, aliases = "Property", help = "A script block, or a property name for the simplified form.")
    Object filterScript;
    @Parameter(position = 1, help = "The value the property is compared with.")
    Object value;
    @Parameter(valueFromPipeline = true, help = "The objects to filter.")
    Object inputObject;
    @Parameter(name = "EQ", aliases = "IEQ") boolean eq;
    @Parameter(name = "NE", aliases = "INE") boolean ne;
    @Parameter(name = "GT", aliases = "IGT") boolean gt;
    @Parameter(name = "GE", aliases = "IGE") boolean ge;
    @Parameter(name = "LT", aliases = "ILT") boolean lt;
    @Parameter(name = "LE", aliases = "ILE") boolean le;
    @Parameter(name = "Like", aliases = "ILike") boolean like;
    @Parameter(name = "NotLike", aliases = "INotLike") boolean notLike;
    @Parameter(name = "Match", aliases = "IMatch") boolean match;
    @Parameter(name = "NotMatch", aliases = "INotMatch") boolean notMatch;
    @Parameter(name = "Contains", aliases = "IContains") boolean contains;
    @Parameter(name = "NotContains", aliases = "INotContains") boolean notContains;
    @Parameter(name = "In", aliases = "IIn") boolean in;
    @Parameter(name = "NotIn", aliases = "INotIn") boolean notIn;
    @Parameter(name = "CEQ") boolean ceq;
    @Parameter(name = "CNE") boolean cne;
    @Parameter(name = "CGT") boolean cgt;
    @Parameter(name = "CGE") boolean cge;
    @Parameter(name = "CLT") boolean clt;
    @Parameter(name = "CLE") boolean cle;
    @Parameter(name = "CLike") boolean cLike;
    @Parameter(name = "CNotLike") boolean cNotLike;
    @Parameter(name = "CMatch") boolean cMatch;
    @Parameter(name = "CNotMatch") boolean cNotMatch;
    @Parameter(name = "CContains") boolean cContains;
    @Parameter(name = "CNotContains") boolean cNotContains;
    @Parameter(name = "CIn") boolean cIn;
    @Parameter(name = "CNotIn") boolean cNotIn;
    @Parameter(name = "Is", help = "Passes the objects whose property is of the type the value names.") boolean is;
    @Parameter(name = "IsNot", help = "Passes the objects whose property is not of the type the value names.") boolean isNot;
    @Parameter(name = "Not", help = "Passes the objects whose property is false, empty or absent.") boolean not;

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
        if (is || isNot) {
            if (context().isInstanceOf(property, typeName(value)) == is) {
                writeObject(item);
            }
            return;
        }
        String op = operator();
        boolean keep = LanguagePrimitives.isTrue(op == null ? property : Comparison.apply(op, property, value)) != not;
        if (keep) {
            writeObject(item);
        }
    }

    /** The type -Is/-IsNot names: a type literal, or its name with or without brackets. */
    private String typeName(Object type) {
        String name = LanguagePrimitives.toStr(type).trim();
        if (name.isEmpty()) {
            throw throwTerminating(new org.drizzle.cmdlets.api.ErrorRecord(new IllegalArgumentException(
                    "Where-Object -Is/-IsNot needs a type, such as [string] or 'System.IO.FileInfo'."),
                    "TypeNotFound", org.drizzle.cmdlets.api.ErrorCategory.INVALID_ARGUMENT, type));
        }
        return name;
    }

    private String operator() {
        boolean[] set = {eq, ne, gt, ge, lt, le, like, notLike, match, notMatch, contains, notContains, in, notIn,
            ceq, cne, cgt, cge, clt, cle, cLike, cNotLike, cMatch, cNotMatch, cContains, cNotContains, cIn, cNotIn};
        for (int i = 0; i < set.length; i++) {
            if (set[i]) {
                return OPERATORS[i];
            }
        }
        return null;
    }
}
