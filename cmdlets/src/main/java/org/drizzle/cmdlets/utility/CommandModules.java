package org.drizzle.cmdlets.utility;

import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.api.CommandMetadata;

/**
 * The module PowerShell 7 ships each of Drizzle's cmdlets in (its Source / ModuleName); the BITS
 * cmdlets are BitsTransfer's, functions belong to no module.
 */
final class CommandModules {
    static final String BITS = "BitsTransfer";
    private static final Map<String, List<String>> BY_MODULE = Map.of(
            "Microsoft.PowerShell.Core", List.of("Clear-Host", "ForEach-Object", "Get-Command", "Get-Help", "Get-Module",
                    "Import-Module", "Out-Null", "Set-StrictMode", "Where-Object"),
            "Microsoft.PowerShell.Management", List.of("Add-Content", "Copy-Item", "Get-ChildItem", "Get-Content",
                    "Get-Item", "Get-Location", "Join-Path", "Move-Item", "New-Item", "Remove-Item", "Rename-Item",
                    "Resolve-Path", "Set-Content", "Set-Location", "Split-Path", "Start-Process", "Test-Path"),
            "Microsoft.PowerShell.Security", List.of("ConvertFrom-SecureString", "ConvertTo-SecureString", "Get-Credential"),
            "Microsoft.PowerShell.Archive", List.of("Compress-Archive", "Expand-Archive"),
            "Microsoft.PowerShell.Host", List.of("Start-Transcript", "Stop-Transcript"));
    /** Every module a Drizzle command can report, all of them imported in every session. */
    static final List<String> ALL = List.of(BITS, "Microsoft.PowerShell.Archive", "Microsoft.PowerShell.Core",
            "Microsoft.PowerShell.Host", "Microsoft.PowerShell.Management", "Microsoft.PowerShell.Security",
            "Microsoft.PowerShell.Utility");

    private CommandModules() {
    }

    /** The module name, or "" for a function. */
    static String of(CommandMetadata m) {
        if (m.commandClass() == null) {
            return "";
        }
        if (m.noun().startsWith("Bits")) {
            return BITS;
        }
        return BY_MODULE.entrySet().stream().filter(e -> e.getValue().contains(m.name())).map(Map.Entry::getKey)
                .findFirst().orElse("Microsoft.PowerShell.Utility");
    }
}
