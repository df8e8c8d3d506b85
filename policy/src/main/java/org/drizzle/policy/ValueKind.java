package org.drizzle.policy;

/** The registry type a policy value is stored as. */
public enum ValueKind {
    /** REG_DWORD (read as an unsigned 32-bit number; JSON: a number). */
    DWORD,
    /** REG_SZ (JSON: a string). */
    STRING,
    /** REG_MULTI_SZ (JSON: an array of strings). */
    MULTI_STRING
}
