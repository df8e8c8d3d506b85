package org.drizzle.cmdlets.dotnet;

/**
 * System.Net.SecurityProtocolType with .NET's flag values. Drizzle always negotiates TLS 1.2 or
 * newer through the JDK, so these values are accepted and stored but change nothing.
 */
public enum SecurityProtocolType {
    SystemDefault(0), Ssl3(48), Tls(192), Tls11(768), Tls12(3072), Tls13(12288);

    private final int value;

    SecurityProtocolType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
