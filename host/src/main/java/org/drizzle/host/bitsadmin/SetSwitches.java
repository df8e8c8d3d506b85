package org.drizzle.host.bitsadmin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.ProxyUsage;
import org.drizzle.policy.Priority;

/** The /SET... switches: each changes one property through {@code EngineClient.setProperties}. */
final class SetSwitches {
    private SetSwitches() {
    }

    /**
     * A setter of one value (argument 1): {@code change} turns it into the options to apply and
     * {@code done} is the confirmation line's subject ("Priority set to HIGH.").
     */
    static Switch.Handler one(String done, BiFunction<String, String, JobOptions> change) {
        return in -> {
            JobInfo job = in.job(0);
            in.client().setProperties(job.id(), change.apply(in.arg(1), in.sw().action()));
            in.out().line(done + " set to " + in.arg(1) + ".");
            return 0;
        };
    }

    static int setPriority(Invocation in) {
        JobOptions o = priority(in.arg(1), in.sw().action());
        in.client().setProperties(in.job(0).id(), o);
        in.out().line("Priority set to " + o.priority.name() + ".");
        return 0;
    }

    static JobOptions priority(String text, String action) {
        try {
            return new JobOptions().priority(Priority.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw BitsAdminException.invalid(action, "The priority '" + text + "' is not one of FOREGROUND, HIGH, NORMAL, LOW.");
        }
    }

    static int notifyCmdLine(Invocation in) {
        JobInfo job = in.job(0);
        String program = in.arg(1);
        List<String> rest = in.args().subList(2, in.args().size());
        boolean noParams = rest.isEmpty() || (rest.size() == 1 && rest.get(0).equalsIgnoreCase("NULL"));
        List<String> cmd;
        if (program.equalsIgnoreCase("NULL")) {
            if (!noParams) {
                throw BitsAdminException.invalid(in.sw().action(), "The program is NULL but the parameters are not.");
            }
            cmd = List.of();
        } else {
            // the parameters are one command line; words the shell split apart are joined again
            cmd = noParams ? List.of(program) : List.of(program, String.join(" ", rest));
        }
        in.client().setProperties(job.id(), new JobOptions().notifyCmdLine(cmd));
        in.out().line("notification command line set to " + Formats.notifyCmdLine(cmd) + ".");
        return 0;
    }

    /** {@code PRECONFIG | AUTODETECT | NO_PROXY | OVERRIDE list bypass}. */
    static int proxySettings(Invocation in) {
        JobInfo job = in.job(0);
        String usage = in.arg(1).toUpperCase(Locale.ROOT);
        JobOptions o = new JobOptions();
        switch (usage) {
            case "PRECONFIG" -> o.proxyUsage(ProxyUsage.SYSTEM_DEFAULT).proxyList(List.of()).proxyBypass(List.of());
            case "AUTODETECT" -> o.proxyUsage(ProxyUsage.AUTO_DETECT).proxyList(List.of()).proxyBypass(List.of());
            case "NO_PROXY" -> o.proxyUsage(ProxyUsage.NO_PROXY).proxyList(List.of()).proxyBypass(List.of());
            case "OVERRIDE" -> {
                if (in.args().size() != 4) {
                    throw BitsAdminException.invalid(in.sw().action(),
                            "OVERRIDE must be followed by a proxy list and a bypass list (NULL or \"\" for none).");
                }
                o.proxyUsage(ProxyUsage.OVERRIDE).proxyList(names(in.arg(2))).proxyBypass(names(in.arg(3)));
            }
            default -> throw BitsAdminException.invalid(in.sw().action(),
                    "The proxy usage '" + in.arg(1) + "' is not one of PRECONFIG, AUTODETECT, NO_PROXY, OVERRIDE.");
        }
        if (!usage.equals("OVERRIDE") && in.args().size() > 2) {
            throw BitsAdminException.invalid(in.sw().action(), "Only OVERRIDE takes a proxy list and a bypass list.");
        }
        in.client().setProperties(job.id(), o);
        in.out().line("Proxy usage set to " + usage + ".");
        return 0;
    }

    /** A comma or space separated list; NULL or "" is empty. */
    static List<String> names(String text) {
        if (text.isBlank() || text.equalsIgnoreCase("NULL")) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    static int credentials(Invocation in) {
        JobInfo job = in.job(0);
        Credential c = credential(in, in.arg(3), in.arg(4));
        in.client().setProperties(job.id(), new JobOptions().credentials(List.of(c)));
        in.out().line("Credentials set.");
        return 0;
    }

    static int removeCredentials(Invocation in) {
        JobInfo job = in.job(0);
        in.client().setProperties(job.id(), new JobOptions().credentials(List.of(credential(in, null, null))));
        in.out().line("Credentials removed.");
        return 0;
    }

    private static Credential credential(Invocation in, String user, String password) {
        AuthTarget target;
        AuthScheme scheme;
        try {
            target = AuthTarget.valueOf(in.arg(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BitsAdminException.invalid(in.sw().action(), "The target '" + in.arg(1) + "' is not SERVER or PROXY.");
        }
        try {
            scheme = AuthScheme.valueOf(in.arg(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BitsAdminException.invalid(in.sw().action(),
                    "The scheme '" + in.arg(2) + "' is not one of BASIC, DIGEST, NTLM, NEGOTIATE, PASSPORT.");
        }
        if (scheme == AuthScheme.PASSPORT) {
            throw BitsAdminException.notSupported("passport", in.sw().action(), "Passport authentication is Windows-only.");
        }
        return new Credential(target, scheme, user, password);
    }

    static int customHeaders(Invocation in) {
        JobInfo job = in.job(0);
        List<String> headers = in.args().subList(1, in.args().size());
        if (headers.size() == 1 && headers.get(0).equalsIgnoreCase("NULL")) {
            headers = List.of();
        }
        in.client().setProperties(job.id(), new JobOptions().customHeaders(List.copyOf(headers)));
        in.out().line("Custom headers set.");
        return 0;
    }

    static int customHeadersWriteOnly(Invocation in) {
        in.client().setProperties(in.job(0).id(), new JobOptions().customHeadersWriteOnly(true));
        in.out().line("Custom headers are now write-only.");
        return 0;
    }
}
