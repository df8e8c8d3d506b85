package org.drizzle.cmdlets.bits;

/**
 * [System.Net.NetworkCredential] as PSCredential.GetNetworkCredential() returns it: the plain
 * password is what the script asked for; the object itself still prints only the user name.
 */
public record NetworkCredential(String UserName, String Password, String Domain) {
    @Override
    public String toString() {
        return "System.Net.NetworkCredential";
    }
}
