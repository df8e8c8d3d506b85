package org.drizzle.cmdlets.bits;

import java.util.Arrays;
import java.util.List;
import org.drizzle.cmdlets.lang.PropertyBag;

/**
 * What Get-Credential returns and -Credential/-ProxyCredential take: a user name and a
 * password that never appears in any output (formatting, JSON, strings all see a placeholder).
 */
public final class PSCredential implements PropertyBag {
    /** What the Password property shows, as PowerShell shows a SecureString. */
    public static final String SECURE_STRING = "System.Security.SecureString";

    private final String userName;
    private final char[] password;

    public PSCredential(String userName, char[] password) {
        if (userName == null || userName.isEmpty()) {
            throw new IllegalArgumentException("A credential needs a user name.");
        }
        this.userName = userName;
        this.password = password == null ? new char[0] : password.clone();
    }

    public String userName() {
        return userName;
    }

    /** The password, for handing to the engine or a server only; never for output. */
    public String password() {
        return new String(password);
    }

    /** PSCredential.GetNetworkCredential(): user, plain password and domain (the part before a backslash). */
    public NetworkCredential GetNetworkCredential() {
        int slash = userName.indexOf('\\');
        return slash < 0 ? new NetworkCredential(userName, password(), "")
                : new NetworkCredential(userName.substring(slash + 1), password(), userName.substring(0, slash));
    }

    @Override
    public List<String> propertyNames() {
        return List.of("UserName", "Password");
    }

    @Override
    public boolean hasProperty(String name) {
        return "UserName".equalsIgnoreCase(name) || "Password".equalsIgnoreCase(name);
    }

    @Override
    public Object getProperty(String name) {
        return "UserName".equalsIgnoreCase(name) ? userName : "Password".equalsIgnoreCase(name) ? SECURE_STRING : null;
    }

    @Override
    public String toString() {
        return "System.Management.Automation.PSCredential";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PSCredential c && c.userName.equals(userName) && Arrays.equals(c.password, password);
    }

    @Override
    public int hashCode() {
        return userName.hashCode();
    }
}
