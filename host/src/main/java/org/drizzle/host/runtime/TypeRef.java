package org.drizzle.host.runtime;

/** A type literal as a value ({@code $t = [int]}); prints as PowerShell does. */
public record TypeRef(String name) {
    @Override
    public String toString() {
        return name;
    }
}
