package org.drizzle.cmdlets.utility;

import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.CommandPack;
import org.drizzle.cmdlets.management.CompressArchiveCommand;
import org.drizzle.cmdlets.management.CopyItemCommand;
import org.drizzle.cmdlets.management.ExpandArchiveCommand;
import org.drizzle.cmdlets.management.GetItemCommand;
import org.drizzle.cmdlets.management.MoveItemCommand;
import org.drizzle.cmdlets.management.RenameItemCommand;
import org.drizzle.cmdlets.management.SetStrictModeCommand;
import org.drizzle.cmdlets.management.StartProcessCommand;
import org.drizzle.cmdlets.management.StartTranscriptCommand;
import org.drizzle.cmdlets.management.StopTranscriptCommand;

/**
 * The further cmdlets admin BITS scripts lean on (issue 4): web fallbacks, hashing, item and
 * archive handling, processes, New-Object over the curated .NET types, transcripts, strict mode.
 */
public final class CompatCommands implements CommandPack {
    @Override
    public List<Class<? extends Command>> commands() {
        return List.of(InvokeWebRequestCommand.class, InvokeRestMethodCommand.class, GetFileHashCommand.class,
                GetItemCommand.class, CopyItemCommand.class, MoveItemCommand.class, RenameItemCommand.class,
                ExpandArchiveCommand.class, CompressArchiveCommand.class, StartProcessCommand.class,
                GetRandomCommand.class, NewTimeSpanCommand.class, NewObjectCommand.class, SetStrictModeCommand.class,
                StartTranscriptCommand.class, StopTranscriptCommand.class);
    }

    /**
     * The aliases not already defined by {@link UtilityCommands} (cp, copy, move, mv, iwr are there).
     * curl and wget stay native programs, as in PowerShell 7 on Linux.
     */
    @Override
    public Map<String, String> aliases() {
        return Map.ofEntries(Map.entry("irm", "Invoke-RestMethod"), Map.entry("gi", "Get-Item"), Map.entry("cpi", "Copy-Item"),
                Map.entry("mi", "Move-Item"), Map.entry("ren", "Rename-Item"), Map.entry("rni", "Rename-Item"),
                Map.entry("start", "Start-Process"), Map.entry("saps", "Start-Process"));
    }
}
