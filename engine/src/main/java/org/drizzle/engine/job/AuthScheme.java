package org.drizzle.engine.job;

/** {@code BG_AUTH_SCHEME}. Passport is accepted by name and refused as unsupported by transports. */
public enum AuthScheme {
    BASIC(1), DIGEST(2), NTLM(3), NEGOTIATE(4), PASSPORT(5);

    private final int value;

    AuthScheme(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public String displayName() {
        return Names.pascal(name());
    }

    public static AuthScheme parse(String text) {
        return Names.parse(AuthScheme.class, text);
    }
}
