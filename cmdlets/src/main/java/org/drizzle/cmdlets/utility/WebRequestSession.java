package org.drizzle.cmdlets.utility;

import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.PropertyBag;

/**
 * Microsoft.PowerShell.Commands.WebRequestSession: what -SessionVariable keeps and -WebSession
 * brings back — cookies the server set, headers, the user agent, a credential and the redirect
 * limit — so a script can log in once and reuse the session.
 */
public final class WebRequestSession implements PropertyBag {
    private static final List<String> NAMES = List.of("Headers", "Cookies", "UseDefaultCredentials", "Credentials",
            "UserAgent", "MaximumRedirection");
    private final CookieStore cookies = new BasicCookieStore();
    private final Hashtable headers = new Hashtable();
    private PSCredential credentials;
    private String userAgent;
    private int maximumRedirection = -1;

    CookieStore cookieStore() {
        return cookies;
    }

    Hashtable headers() {
        return headers;
    }

    PSCredential credentials() {
        return credentials;
    }

    String userAgent() {
        return userAgent;
    }

    int maximumRedirection() {
        return maximumRedirection;
    }

    /** Keeps what one request used, as PowerShell does when it creates or reuses a session. */
    void remember(java.util.Map<String, String> sent, PSCredential credential, String agent, int redirects) {
        sent.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Authorization")) {
                headers.put(k, v);
            }
        });
        if (credential != null) {
            credentials = credential;
        }
        if (agent != null) {
            userAgent = agent;
        }
        maximumRedirection = redirects;
    }

    @Override
    public List<String> propertyNames() {
        return NAMES;
    }

    @Override
    public Object getProperty(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "headers" -> headers;
            case "cookies" -> new SessionCookies(cookies);
            case "usedefaultcredentials" -> false;
            case "credentials" -> credentials;
            case "useragent" -> userAgent;
            case "maximumredirection" -> maximumRedirection;
            default -> null;
        };
    }

    @Override
    public void setProperty(String name, Object value) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "useragent" -> userAgent = value == null ? null : LanguagePrimitives.toStr(value);
            case "credentials" -> credentials = value instanceof PSCredential c ? c : null;
            case "maximumredirection" -> maximumRedirection = LanguagePrimitives.toNumber(value).intValue();
            default -> PropertyBag.super.setProperty(name, value);
        }
    }

    @Override
    public String toString() {
        return "Microsoft.PowerShell.Commands.WebRequestSession";
    }
}
