package org.drizzle.engine.identity.windows;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Pure rules for Windows accounts: the DOMAIN\\user form BITS shows as OwnerAccount, the
 * well-known SIDs that make a caller an administrator or a service account, and which WTS
 * session states count as "logged on".
 */
public final class WindowsAccounts {
    /** BUILTIN\Administrators. */
    public static final String ADMINISTRATORS_SID = "S-1-5-32-544";
    /** LocalSystem, LocalService, NetworkService: BITS treats them as always logged on, never runs notify for them. */
    public static final Set<String> SERVICE_SIDS = Set.of("S-1-5-18", "S-1-5-19", "S-1-5-20");
    public static final Set<String> SERVICE_ACCOUNTS = Set.of("NT AUTHORITY\\SYSTEM", "NT AUTHORITY\\LOCAL SERVICE",
            "NT AUTHORITY\\NETWORK SERVICE");
    /** WTS_CONNECTSTATE_CLASS values. */
    static final int WTS_ACTIVE = 0;
    static final int WTS_DISCONNECTED = 4;

    private WindowsAccounts() {
    }

    /** {@code DOMAIN\\user}, or just {@code user} when the domain is empty. */
    public static String accountName(String domain, String user) {
        if (user == null || user.isEmpty()) {
            return null;
        }
        return domain == null || domain.isEmpty() ? user : domain + "\\" + user;
    }

    /** Whether a token with these group SIDs is an administrator (elevated or not filtered). */
    public static boolean isAdministrator(String userSid, Collection<String> groupSids) {
        return SERVICE_SIDS.contains(userSid) || groupSids.contains(ADMINISTRATORS_SID);
    }

    /**
     * BITS' "logged on": an interactive session that is active or disconnected (fast user
     * switching and disconnected RDP keep the user logged on); listening or idle stations do not count.
     */
    public static boolean countsAsLoggedOn(int wtsState) {
        return wtsState == WTS_ACTIVE || wtsState == WTS_DISCONNECTED;
    }

    /**
     * A stable numeric id for a SID, used where the engine wants a number (Owner.uid): the
     * relative id (last sub-authority) for local and domain accounts.
     */
    public static long ridOf(String sid) {
        int dash = sid.lastIndexOf('-');
        try {
            return Long.parseLong(sid.substring(dash + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + sid + "' is not a SID in S-1-... form");
        }
    }

    /** Case-insensitive account comparison, as Windows compares names. */
    public static boolean sameAccount(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
