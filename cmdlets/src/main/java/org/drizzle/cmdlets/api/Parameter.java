package org.drizzle.cmdlets.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a field as a command parameter. The field's name (capitalised) is the parameter
 * name unless {@link #name()} says otherwise; its type drives conversion (String, String[],
 * List, int, long, boolean for switches, enums, JobId, ScriptBlock, Object). Repeat the
 * annotation to place the parameter in several parameter sets with different positions.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@Repeatable(Parameters.class)
public @interface Parameter {
    String name() default "";

    /** Position for positional binding, -1 for named only. */
    int position() default -1;

    boolean mandatory() default false;

    /** "" means every parameter set. */
    String parameterSet() default "";

    boolean valueFromPipeline() default false;

    boolean valueFromPipelineByPropertyName() default false;

    String[] aliases() default {};

    /** Help text for Get-Help -Parameter. */
    String help() default "";

    /** Takes the positional values no other parameter took (Write-Output a b c). */
    boolean valueFromRemainingArguments() default false;

    /** Allowed values (ValidateSet), compared case-insensitively; empty means any. */
    String[] validateSet() default {};
}
