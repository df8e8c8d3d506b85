package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.lang.PropertyBag;

/** A session's cookies as a script reads them: Count, and each cookie's Name, Value, Domain and Path (AllCookies). */
final class SessionCookies implements PropertyBag {
    private static final List<String> NAMES = List.of("Count", "AllCookies");
    private final CookieStore store;

    SessionCookies(CookieStore store) {
        this.store = store;
    }

    @Override
    public List<String> propertyNames() {
        return NAMES;
    }

    @Override
    public Object getProperty(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "count" -> store.getCookies().size();
            case "allcookies" -> all();
            default -> null;
        };
    }

    private Object[] all() {
        List<Object> out = new ArrayList<>();
        for (Cookie c : store.getCookies()) {
            PSCustomObject o = new PSCustomObject();
            o.setProperty("Name", c.getName());
            o.setProperty("Value", c.getValue());
            o.setProperty("Domain", c.getDomain());
            o.setProperty("Path", c.getPath());
            out.add(o);
        }
        return out.toArray();
    }

    @Override
    public String toString() {
        return "System.Net.CookieContainer";
    }
}
