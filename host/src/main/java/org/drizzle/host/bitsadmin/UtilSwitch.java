package org.drizzle.host.bitsadmin;

import java.util.List;
import java.util.Locale;

/**
 * {@code /UTIL}: {@code /VERSION} prints the version; the other utilities manage Windows'
 * Internet Explorer proxy settings, the BITS service registration and its ETW channel, none of
 * which exist here, so they fail with E_NOTIMPL naming why.
 */
final class UtilSwitch {
    static final List<String> HELP = List.of(
            "USAGE: BITSADMIN /UTIL command",
            "The following commands are available:",
            "",
            "/UTIL /?                        Prints this help",
            "/UTIL /VERSION [/VERBOSE]       Prints the version of BITS (Drizzle)",
            "/UTIL /GETIEPROXY ...           Not supported on this platform",
            "/UTIL /SETIEPROXY ...           Not supported on this platform",
            "/UTIL /REPAIRSERVICE [/FORCE]   Not supported on this platform",
            "/UTIL /ENABLEANALYTICCHANNEL    Not supported on this platform");

    private UtilSwitch() {
    }

    static int run(Invocation in) {
        String sub = in.args().isEmpty() ? "/?" : in.arg(0).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "/?", "/help" -> HELP.forEach(in.out()::line);
            case "/version" -> in.out().value("Drizzle " + BitsAdmin.VERSION + " (BITS 10.3 job model)");
            case "/getieproxy", "/setieproxy" -> throw BitsAdminException.notSupported("/util " + sub, "run utility command",
                    "Internet Explorer proxy settings do not exist here; set a job's proxy with /SETPROXYSETTINGS.");
            case "/repairservice" -> throw BitsAdminException.notSupported("/util " + sub, "run utility command",
                    "the service is run by systemd here; use 'drizzle service status'.");
            case "/enableanalyticchannel" -> throw BitsAdminException.notSupported("/util " + sub, "run utility command",
                    "there is no ETW analytic channel; the service logs to the system log.");
            default -> throw BitsAdminException.invalid("run utility command", "'" + in.arg(0) + "' is not a /UTIL command (see /UTIL /?).");
        }
        return 0;
    }
}
