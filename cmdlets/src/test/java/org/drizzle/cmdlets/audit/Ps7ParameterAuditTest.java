package org.drizzle.cmdlets.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.CommandRegistry;
import org.drizzle.cmdlets.api.CommonParameters;
import org.drizzle.cmdlets.api.ParameterMetadata;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 2: every parameter PowerShell 7.4's documentation gives for a cmdlet Drizzle
 * registers (ps7-parameters.tsv) exists here with PowerShell's name, aliases and position, unless
 * ps7-parameter-omissions.tsv names it, as deliberate (with why) or pending. An omission that is no
 * longer true fails too, so the list stays as short as the truth.
 */
class Ps7ParameterAuditTest {
    /** A documented parameter: one row of ps7-parameters.tsv. */
    record Documented(String cmdlet, String parameter, List<String> aliases, int position, String source) {
    }

    /** The common parameters of PowerShell 7.4 (about_CommonParameters) and their aliases. */
    private static final Map<String, String> COMMON = new LinkedHashMap<>();

    static {
        COMMON.put("Debug", "db");
        COMMON.put("ErrorAction", "ea");
        COMMON.put("ErrorVariable", "ev");
        COMMON.put("InformationAction", "infa");
        COMMON.put("InformationVariable", "iv");
        COMMON.put("OutVariable", "ov");
        COMMON.put("OutBuffer", "ob");
        COMMON.put("PipelineVariable", "pv");
        COMMON.put("ProgressAction", "proga");
        COMMON.put("Verbose", "vb");
        COMMON.put("WarningAction", "wa");
        COMMON.put("WarningVariable", "wv");
        COMMON.put("WhatIf", "wi");
        COMMON.put("Confirm", "cf");
    }

    @Test
    void everyCommonParameterOfPowerShell74ExistsWithItsAlias() {
        for (Map.Entry<String, String> c : COMMON.entrySet()) {
            Optional<ParameterMetadata> p = CommonParameters.ALL.stream().filter(m -> m.name().equals(c.getKey())).findFirst();
            assertThat(p).as("common parameter -" + c.getKey()).isPresent();
            assertThat(p.get().aliases()).as("aliases of -" + c.getKey()).contains(c.getValue());
        }
    }

    @Test
    void everyRegisteredCmdletIsInTheAuditData() throws IOException {
        Set<String> audited = new HashSet<>();
        documented().forEach(d -> audited.add(d.cmdlet().toLowerCase(Locale.ROOT)));
        for (String name : CommandRegistry.builtIn().names()) {
            assertThat(audited).as(name + " is registered but missing from ps7-parameters.tsv")
                    .contains(name.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void everyDocumentedParameterExistsUnlessDeliberatelyOmitted() throws IOException {
        CommandRegistry registry = CommandRegistry.builtIn();
        Map<String, String> omissions = omissions();
        Set<String> omissionsUsed = new HashSet<>();
        List<String> failures = new ArrayList<>();
        Set<String> cmdlets = new HashSet<>();
        int documented = 0;
        int present = 0;
        int omitted = 0;
        int deliberate = 0;
        for (Documented d : documented()) {
            if (!d.source().startsWith("https://")) {
                continue;
            }
            Optional<CommandMetadata> found = registry.find(d.cmdlet());
            if (found.isEmpty()) {
                failures.add(d.cmdlet() + " is in the audit data but not registered");
                continue;
            }
            CommandMetadata m = found.get();
            cmdlets.add(m.name());
            if (!m.takesCommonParameters()) {
                failures.add(d.cmdlet() + " does not take the common parameters");
            }
            if (d.parameter().equals("-")) {
                continue;
            }
            documented++;
            List<String> problems = problems(m, d);
            String key = key(d.cmdlet(), d.parameter());
            if (problems.isEmpty()) {
                present++;
                if (omissions.containsKey(key)) {
                    failures.add(key + " is listed as omitted but is present: remove it from the omissions");
                }
            } else if (omissions.containsKey(key)) {
                omitted++;
                deliberate += omissions.get(key).startsWith("deliberate") ? 1 : 0;
                omissionsUsed.add(key);
            } else {
                problems.forEach(p -> failures.add(d.cmdlet() + " -" + d.parameter() + ": " + p + " (" + d.source() + ")"));
            }
        }
        Set<String> stale = new HashSet<>(omissions.keySet());
        stale.removeAll(omissionsUsed);
        stale.forEach(k -> {
            if (failures.stream().noneMatch(f -> f.startsWith(k + " is listed"))) {
                failures.add(k + " is in the omissions but not documented in ps7-parameters.tsv");
            }
        });
        System.out.printf("PowerShell 7.4 parameter audit: %d cmdlets, %d parameters documented, %d present, %d omitted "
                + "(%d deliberately, %d pending)%n", cmdlets.size(), documented, present, omitted, deliberate,
                omitted - deliberate);
        assertThat(failures).as("parameters PowerShell 7.4 documents that Drizzle lacks").isEmpty();
    }

    /** What is wrong with Drizzle's version of one documented parameter (empty when nothing). */
    private static List<String> problems(CommandMetadata m, Documented d) {
        List<String> out = new ArrayList<>();
        if (d.parameter().equals("WhatIf") || d.parameter().equals("Confirm")) {
            if (!m.supportsShouldProcess()) {
                out.add("missing (the cmdlet does not support ShouldProcess)");
            }
            return out;
        }
        Optional<ParameterMetadata> p = resolve(m, d.parameter());
        if (p.isEmpty()) {
            out.add("missing");
            return out;
        }
        for (String alias : d.aliases()) {
            Optional<ParameterMetadata> a = resolve(m, alias);
            if (a.isEmpty() || a.get() != p.get()) {
                out.add("alias -" + alias + " does not name it");
            }
        }
        if (d.position() >= 0 && p.get().sets().values().stream().noneMatch(s -> s.position() == d.position())) {
            out.add("not at position " + d.position());
        }
        return out;
    }

    /** The parameter a full name or alias names, ignoring case (as the binder matches them). */
    private static Optional<ParameterMetadata> resolve(CommandMetadata m, String name) {
        return m.parameters().stream().filter(p -> p.name().equalsIgnoreCase(name)
                || p.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name))).findFirst();
    }

    private static String key(String cmdlet, String parameter) {
        return cmdlet.toLowerCase(Locale.ROOT) + " -" + parameter.toLowerCase(Locale.ROOT);
    }

    static List<Documented> documented() throws IOException {
        List<Documented> out = new ArrayList<>();
        for (String[] c : rows("ps7-parameters.tsv", 6)) {
            out.add(new Documented(c[0], c[1], c[2].isEmpty() ? List.of() : List.of(c[2].split(",")),
                    c[3].equals("-") ? -1 : Integer.parseInt(c[3]), c[5]));
        }
        return out;
    }

    /** "cmdlet -parameter" to "deliberate: why" or "pending: what is missing". */
    static Map<String, String> omissions() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] c : rows("ps7-parameter-omissions.tsv", 4)) {
            assertThat(c[2]).as("kind of " + c[0] + " -" + c[1]).isIn("deliberate", "pending");
            assertThat(c[3]).as("reason for " + c[0] + " -" + c[1]).isNotBlank();
            out.put(key(c[0], c[1]), c[2] + ": " + c[3]);
        }
        return out;
    }

    private static List<String[]> rows(String resource, int columns) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = Ps7ParameterAuditTest.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                assertThat(c).as(resource + ": " + line).hasSize(columns);
                out.add(c);
            }
        }
        return out;
    }
}
