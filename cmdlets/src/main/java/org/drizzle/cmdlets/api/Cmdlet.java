package org.drizzle.cmdlets.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares a command class: {@code @Cmdlet(verb = "Start", noun = "BitsTransfer")}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Cmdlet {
    String verb();

    String noun();

    /** The parameter set used when the bound parameters do not decide. */
    String defaultParameterSet() default "";

    /** Whether -WhatIf / -Confirm apply. */
    boolean supportsShouldProcess() default false;

    /** One-line synopsis for Get-Help. */
    String synopsis() default "";

    /** Longer description for Get-Help -Full. */
    String description() default "";
}
