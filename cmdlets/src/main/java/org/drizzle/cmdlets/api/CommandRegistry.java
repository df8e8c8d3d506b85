package org.drizzle.cmdlets.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every command by name and alias, case-insensitively (Get-Command's view). The built-in set
 * comes from the {@link CommandPack}s on the class path; the host adds script functions.
 */
public final class CommandRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);
    /** By lower-case name: a command's metadata, reflected on first use (start-up reflects none of them). */
    private final Map<String, Entry> commands = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();

    /** An empty registry. */
    public CommandRegistry() {
    }

    /** A registry with every built-in command and alias. */
    public static CommandRegistry builtIn() {
        CommandRegistry r = new CommandRegistry();
        Iterator<CommandPack> packs = ServiceLoader.load(CommandPack.class, CommandRegistry.class.getClassLoader())
                .iterator();
        while (true) {
            CommandPack pack;
            try {
                if (!packs.hasNext()) {
                    break;
                }
                pack = packs.next();
            } catch (ServiceConfigurationError e) {
                // One broken pack must not take every other command down with it.
                LOG.warn("Skipping a command pack that cannot be loaded: {}", e.getMessage());
                continue;
            }
            pack.commands().forEach(r::register);
            pack.aliases().forEach(r::registerAlias);
        }
        return r;
    }

    /** Adds a cmdlet class; its parameters are reflected when the command is first looked up. */
    public void register(Class<? extends Command> type) {
        Cmdlet c = type.getAnnotation(Cmdlet.class);
        if (c == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Cmdlet annotation");
        }
        commands.put(key(c.verb() + "-" + c.noun()), new Entry(type, null));
    }

    /** Adds or replaces a command (a script function replaces an earlier one of the same name). */
    public CommandMetadata register(CommandMetadata metadata) {
        commands.put(key(metadata.name()), new Entry(metadata.commandClass(), metadata));
        return metadata;
    }

    public void registerAlias(String alias, String commandName) {
        aliases.put(key(alias), commandName);
    }

    /** The command name an alias stands for (Set-Alias may point at a script function), if it is an alias. */
    public Optional<String> aliasTarget(String alias) {
        return Optional.ofNullable(aliases.get(key(alias)));
    }

    /** Finds a command by name or alias, ignoring case. */
    public Optional<CommandMetadata> find(String nameOrAlias) {
        Entry e = commands.get(key(nameOrAlias));
        if (e == null) {
            String target = aliases.get(key(nameOrAlias));
            e = target == null ? null : commands.get(key(target));
        }
        return Optional.ofNullable(e == null ? null : e.metadata());
    }

    /**
     * Like {@link #find} but an unknown name is an error naming it, with a suggestion:
     * "The term 'Get-BitsTransfr' is not recognized ... Did you mean Get-BitsTransfer?"
     */
    public CommandMetadata require(String nameOrAlias) {
        return find(nameOrAlias).orElseThrow(() -> {
            List<String> all = new ArrayList<>(names());
            all.addAll(aliases.keySet());
            String s = Suggestions.closest(nameOrAlias, all);
            String msg = "The term '" + nameOrAlias + "' is not recognized as a name of a cmdlet, function, script "
                    + "file, or executable program." + (s == null ? "" : " Did you mean " + canonical(s) + "?");
            return new CommandException(new ErrorRecord(new IllegalArgumentException(msg), "CommandNotFoundException",
                    ErrorCategory.OBJECT_NOT_FOUND, nameOrAlias));
        });
    }

    private String canonical(String nameOrAlias) {
        return find(nameOrAlias).map(CommandMetadata::name).orElse(nameOrAlias);
    }

    /** Command names, sorted. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        commands.values().forEach(e -> out.add(e.metadata().name()));
        Collections.sort(out, String.CASE_INSENSITIVE_ORDER);
        return out;
    }

    public List<CommandMetadata> commands() {
        List<CommandMetadata> out = new ArrayList<>();
        commands.values().forEach(e -> out.add(e.metadata()));
        out.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return out;
    }

    /** Alias to command name, sorted by alias. */
    public Map<String, String> aliases() {
        return Collections.unmodifiableMap(new TreeMap<>(aliases));
    }

    /** A fresh instance of the command for one invocation. */
    public Command newInstance(String nameOrAlias) {
        return require(nameOrAlias).newInstance();
    }

    /** A registered command: a script function's metadata, or a cmdlet class reflected when first needed. */
    private record Entry(Class<? extends Command> type, CommandMetadata given) {
        CommandMetadata metadata() {
            return given != null ? given : CommandMetadata.of(type);
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
