package org.drizzle.cmdlets.dotnet;

import java.util.List;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.bits.SecureString;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * System.Net: ServicePointManager (SecurityProtocol and friends are stored and have no effect;
 * the JDK already negotiates TLS 1.2+), SecurityProtocolType, WebClient and NetworkCredential.
 */
final class NetTypes {
    private static volatile Object securityProtocol = SecurityProtocolType.SystemDefault;
    private static volatile Object defaultConnectionLimit = 2;
    private static volatile Object expect100Continue = true;

    private NetTypes() {
    }

    static List<TypeAdapter> adapters() {
        TypeAdapter spm = TypeAdapter.builder("System.Net.ServicePointManager")
                .settable("SecurityProtocol", () -> securityProtocol, v -> securityProtocol = v)
                .settable("DefaultConnectionLimit", () -> defaultConnectionLimit, v -> defaultConnectionLimit = v)
                .settable("Expect100Continue", () -> expect100Continue, v -> expect100Continue = v)
                .build();
        TypeAdapter webClient = TypeAdapter.builder("System.Net.WebClient")
                .constructor(0, a -> new WebClient())
                .instances(WebClient.class::isInstance)
                .build();
        TypeAdapter credential = TypeAdapter.builder("System.Net.NetworkCredential")
                .constructor(2, a -> new PSCredential(str(a.get(0)), secret(a.get(1))))
                .constructor(3, a -> new PSCredential(str(a.get(2)) + "\\" + str(a.get(0)), secret(a.get(1))))
                .instances(org.drizzle.cmdlets.bits.NetworkCredential.class::isInstance)
                .build();
        TypeAdapter psCredential = TypeAdapter.builder("System.Management.Automation.PSCredential")
                .constructor(2, a -> new PSCredential(str(a.get(0)), secret(a.get(1))))
                .instances(PSCredential.class::isInstance).build();
        TypeAdapter secureString = TypeAdapter.builder("System.Security.SecureString")
                .instances(SecureString.class::isInstance).build();
        return List.of(spm, EnumTypes.of("System.Net.SecurityProtocolType", SecurityProtocolType.class), webClient,
                psCredential, credential, secureString);
    }

    private static String str(Object v) {
        return LanguagePrimitives.toStr(v);
    }

    /** A password argument: a SecureString's characters, or plain text. */
    private static char[] secret(Object v) {
        return v instanceof SecureString s ? s.chars() : str(v).toCharArray();
    }
}
