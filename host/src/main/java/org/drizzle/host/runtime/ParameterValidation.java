package org.drizzle.host.runtime;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ParameterBindingException;
import org.drizzle.cmdlets.lang.Comparison;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.host.ast.AttributeAst;
import org.drizzle.host.ast.ParameterAst;

/**
 * The validation attributes of a script parameter, checked when a value is bound:
 * [ValidateNotNullOrEmpty()], [ValidateNotNull()], [ValidateRange(min, max)] and
 * [ValidatePattern('regex')]. ([ValidateSet()] is the binder's.) A failure names the parameter
 * and the value, as PowerShell's ParameterBindingValidationException does.
 */
final class ParameterValidation {
    private ParameterValidation() {
    }

    static void check(String command, ParameterAst p, Object value) {
        for (AttributeAst a : p.attributes()) {
            String name = a.name().toLowerCase(Locale.ROOT);
            switch (name) {
                case "validatenotnullorempty" -> {
                    if (value == null || LanguagePrimitives.toStr(value).isEmpty()
                            || LanguagePrimitives.isEnumerable(value) && LanguagePrimitives.toList(value).isEmpty()) {
                        throw fail(command, p, value, "The argument is null or empty. Provide an argument that is not null "
                                + "or empty, and then try the command again.");
                    }
                }
                case "validatenotnull" -> {
                    if (value == null) {
                        throw fail(command, p, null, "The argument is null. Provide a valid value for the argument, and then "
                                + "try running the command again.");
                    }
                }
                case "validaterange" -> {
                    List<Object> bounds = a.positional().stream().map(FunctionDefinition::constant).toList();
                    for (Object item : LanguagePrimitives.toList(value)) {
                        if (bounds.size() == 2 && (Comparison.compare(item, bounds.get(0), false) < 0
                                || Comparison.compare(item, bounds.get(1), false) > 0)) {
                            throw fail(command, p, item, "The " + LanguagePrimitives.toStr(item) + " argument is outside the "
                                    + "range " + LanguagePrimitives.toStr(bounds.get(0)) + " to "
                                    + LanguagePrimitives.toStr(bounds.get(1)) + ".");
                        }
                    }
                }
                case "validatepattern" -> {
                    String regex = LanguagePrimitives.toStr(FunctionDefinition.constant(a.positional().get(0)));
                    for (Object item : LanguagePrimitives.toList(value)) {
                        if (!Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(LanguagePrimitives.toStr(item)).find()) {
                            throw fail(command, p, item, "The argument \"" + LanguagePrimitives.toStr(item)
                                    + "\" does not match the \"" + regex + "\" pattern.");
                        }
                    }
                }
                default -> {
                    // Parameter, Alias, ValidateSet and type attributes are handled when the metadata is built
                }
            }
        }
    }

    private static ParameterBindingException fail(String command, ParameterAst p, Object value, String why) {
        return new ParameterBindingException(command, "ParameterArgumentValidationError", ErrorCategory.INVALID_DATA, value,
                "Cannot validate argument on parameter '" + p.name() + "'. " + why);
    }
}
