package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.CommandRegistry;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.lang.WildcardPattern;

/**
 * The help Get-Help can list: a Cmdlet topic per cmdlet, a Function topic per script function
 * and an Alias topic per alias, filtered by name, category and the .COMPONENT, .FUNCTIONALITY and
 * .ROLE of comment-based help (a topic without the value never matches, as in PowerShell).
 */
final class HelpTopics {
    /** One help topic: the command it describes (the alias's target for an alias) and its summary line. */
    record Topic(String name, String category, CommandMetadata command) {
        PSCustomObject summary() {
            PSCustomObject o = new PSCustomObject();
            o.setProperty("Name", name);
            o.setProperty("Category", category);
            o.setProperty("Module", category.equals("Alias") ? "" : CommandModules.of(command));
            o.setProperty("Synopsis", category.equals("Alias") ? command.name() : command.synopsis());
            return o;
        }
    }

    private HelpTopics() {
    }

    static List<Topic> find(CommandRegistry r, String name, String[] categories, String[] component,
                            String[] functionality, String[] role) {
        WildcardPattern p = WildcardPattern.of(name);
        Set<String> wanted = categories == null ? Set.of("alias", "cmdlet", "function")
                : java.util.Arrays.stream(categories).map(c -> c.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        boolean all = wanted.contains("all");
        List<Topic> out = new ArrayList<>();
        for (CommandMetadata m : r.commands()) {
            String category = m.commandClass() == null ? "Function" : "Cmdlet";
            if (p.matches(m.name()) && (all || wanted.contains(category.toLowerCase(Locale.ROOT)))
                    && matches(component, m.helpSections().component())
                    && matches(functionality, m.helpSections().functionality())
                    && matches(role, m.helpSections().role())) {
                out.add(new Topic(m.name(), category, m));
            }
        }
        // aliases carry no component, functionality or role
        if ((all || wanted.contains("alias")) && component == null && functionality == null && role == null) {
            Map<String, String> aliases = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            aliases.putAll(r.aliases());
            aliases.forEach((alias, target) -> {
                if (p.matches(alias)) {
                    r.find(target).ifPresent(m -> out.add(new Topic(alias, "Alias", m)));
                }
            });
        }
        return out;
    }

    private static boolean matches(String[] patterns, String value) {
        return patterns == null || !value.isEmpty()
                && java.util.Arrays.stream(patterns).anyMatch(x -> WildcardPattern.of(x).matches(value));
    }
}
