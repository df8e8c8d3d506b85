package org.drizzle.cmdlets.server;

import java.util.List;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.CommandPack;

/** Cmdlets of Drizzle's compact BITS upload server. */
public final class ServerCommands implements CommandPack {
    @Override
    public List<Class<? extends Command>> commands() {
        return List.of(StartBitsServerCommand.class);
    }
}
