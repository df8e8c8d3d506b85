package org.drizzle.engine.job;

/** {@code BG_AUTH_TARGET}: whom a credential is for. */
public enum AuthTarget {
    SERVER(1), PROXY(2);

    private final int value;

    AuthTarget(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static AuthTarget parse(String text) {
        return Names.parse(AuthTarget.class, text);
    }
}
