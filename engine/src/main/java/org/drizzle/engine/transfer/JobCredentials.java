package org.drizzle.engine.transfer;

import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.RouteInfo;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.Credentials;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.KerberosCredentials;
import org.apache.hc.client5.http.auth.NTCredentials;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.Credential;

/**
 * A job's credentials (IBackgroundCopyJob2::SetCredentials) as HttpClient sees them: each one
 * answers challenges of its scheme from its target, the server or the proxy on the route.
 */
final class JobCredentials implements CredentialsProvider {
    private final List<Credential> credentials;

    JobCredentials(List<Credential> credentials) {
        this.credentials = List.copyOf(credentials);
    }

    /** HttpClient's name for a BITS scheme (Passport has none). */
    @SuppressWarnings("deprecation")
    static String schemeName(AuthScheme scheme) {
        return switch (scheme) {
            case BASIC -> StandardAuthScheme.BASIC;
            case DIGEST -> StandardAuthScheme.DIGEST;
            case NTLM -> StandardAuthScheme.NTLM;
            case NEGOTIATE -> StandardAuthScheme.SPNEGO;
            case PASSPORT -> "Passport";
        };
    }

    /** Scheme names with a credential for {@code target}, in the order they were set: the preferred schemes. */
    List<String> schemes(AuthTarget target) {
        List<String> names = new ArrayList<>();
        for (Credential c : credentials) {
            if (c.target() == target && c.scheme() != AuthScheme.PASSPORT) {
                names.add(schemeName(c.scheme()));
            }
        }
        return names;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Credentials getCredentials(AuthScope scope, HttpContext context) {
        AuthTarget target = isProxy(scope, context) ? AuthTarget.PROXY : AuthTarget.SERVER;
        for (Credential c : credentials) {
            if (c.target() != target || c.scheme() == AuthScheme.PASSPORT) {
                continue;
            }
            String name = schemeName(c.scheme());
            if (scope.getSchemeName() != null && !scope.getSchemeName().equalsIgnoreCase(name)) {
                continue;
            }
            char[] password = c.password() == null ? new char[0] : c.password().toCharArray();
            String user = c.userName() == null ? "" : c.userName();
            return switch (c.scheme()) {
                case NTLM -> ntlm(user, password);
                // SPNEGO takes the Kerberos ticket cache (kinit) or JAAS login; null means "the default".
                case NEGOTIATE -> new KerberosCredentials(null);
                default -> new UsernamePasswordCredentials(user, password);
            };
        }
        return null;
    }

    /** NTLM wants DOMAIN\\user split into domain and user. */
    @SuppressWarnings("deprecation")
    private static Credentials ntlm(String user, char[] password) {
        int slash = user.indexOf('\\');
        String domain = slash > 0 ? user.substring(0, slash) : null;
        String name = slash > 0 ? user.substring(slash + 1) : user;
        return new NTCredentials(name, password, null, domain);
    }

    private static boolean isProxy(AuthScope scope, HttpContext context) {
        if (context == null) {
            return false;
        }
        RouteInfo route = HttpClientContext.castOrCreate(context).getHttpRoute();
        HttpHost proxy = route == null ? null : route.getProxyHost();
        return proxy != null && proxy.getHostName().equalsIgnoreCase(scope.getHost())
                && (scope.getPort() < 0 || proxy.getPort() == scope.getPort());
    }
}
