package org.drizzle.cmdlets.utility;

import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.CommandPack;
import org.drizzle.cmdlets.management.AddContentCommand;
import org.drizzle.cmdlets.management.ClearHostCommand;
import org.drizzle.cmdlets.management.GetLocationCommand;
import org.drizzle.cmdlets.management.GetModuleCommand;
import org.drizzle.cmdlets.management.ImportModuleCommand;
import org.drizzle.cmdlets.management.SetLocationCommand;
import org.drizzle.cmdlets.management.GetChildItemCommand;
import org.drizzle.cmdlets.management.GetContentCommand;
import org.drizzle.cmdlets.management.JoinPathCommand;
import org.drizzle.cmdlets.management.NewItemCommand;
import org.drizzle.cmdlets.management.RemoveItemCommand;
import org.drizzle.cmdlets.management.SetContentCommand;
import org.drizzle.cmdlets.management.SplitPathCommand;
import org.drizzle.cmdlets.management.TestPathCommand;

/** The generic pipeline, formatting, file and help cmdlets, with PowerShell's usual aliases. */
public final class UtilityCommands implements CommandPack {
    @Override
    public List<Class<? extends Command>> commands() {
        return List.of(WhereObjectCommand.class, ForEachObjectCommand.class, SelectObjectCommand.class,
                SortObjectCommand.class, MeasureObjectCommand.class, GroupObjectCommand.class,
                FormatTableCommand.class, FormatListCommand.class, OutStringCommand.class, OutNullCommand.class,
                OutFileCommand.class, WriteHostCommand.class, WriteOutputCommand.class, WriteWarningCommand.class,
                WriteVerboseCommand.class, WriteErrorCommand.class, WriteProgressCommand.class, StartSleepCommand.class,
                ConvertToJsonCommand.class, ConvertFromJsonCommand.class, ImportCsvCommand.class,
                ExportCsvCommand.class, GetHelpCommand.class, GetCommandCommand.class, GetContentCommand.class,
                SetContentCommand.class, AddContentCommand.class, TestPathCommand.class, JoinPathCommand.class,
                SplitPathCommand.class, GetChildItemCommand.class, RemoveItemCommand.class, NewItemCommand.class,
                GetDateCommand.class, ReadHostCommand.class, GetMemberCommand.class, SetLocationCommand.class,
                GetLocationCommand.class, ImportModuleCommand.class, GetModuleCommand.class, ClearHostCommand.class,
                SetAliasCommand.class, NewAliasCommand.class, WriteDebugCommand.class, WriteInformationCommand.class,
                AddMemberCommand.class, SelectStringCommand.class,
                org.drizzle.cmdlets.management.ResolvePathCommand.class);
    }

    @Override
    public Map<String, String> aliases() {
        return Map.ofEntries(Map.entry("?", "Where-Object"), Map.entry("where", "Where-Object"),
                Map.entry("%", "ForEach-Object"), Map.entry("foreach", "ForEach-Object"),
                Map.entry("select", "Select-Object"), Map.entry("sort", "Sort-Object"),
                Map.entry("measure", "Measure-Object"), Map.entry("group", "Group-Object"),
                Map.entry("ft", "Format-Table"), Map.entry("fl", "Format-List"), Map.entry("echo", "Write-Output"),
                Map.entry("write", "Write-Output"), Map.entry("sleep", "Start-Sleep"), Map.entry("cat", "Get-Content"),
                Map.entry("gc", "Get-Content"), Map.entry("type", "Get-Content"), Map.entry("sc", "Set-Content"),
                Map.entry("ac", "Add-Content"), Map.entry("sls", "Select-String"), Map.entry("rvpa", "Resolve-Path"), Map.entry("gcm", "Get-Command"), Map.entry("help", "Get-Help"),
                Map.entry("ls", "Get-ChildItem"), Map.entry("dir", "Get-ChildItem"), Map.entry("gci", "Get-ChildItem"),
                Map.entry("rm", "Remove-Item"), Map.entry("del", "Remove-Item"), Map.entry("cp", "Copy-Item"),
                Map.entry("copy", "Copy-Item"), Map.entry("move", "Move-Item"), Map.entry("mv", "Move-Item"),
                Map.entry("cd", "Set-Location"), Map.entry("pwd", "Get-Location"),
                Map.entry("iwr", "Invoke-WebRequest"), Map.entry("cls", "Clear-Host"), Map.entry("gm", "Get-Member"),
                Map.entry("epcsv", "Export-Csv"), Map.entry("ipcsv", "Import-Csv"),
                Map.entry("sl", "Set-Location"), Map.entry("chdir", "Set-Location"), Map.entry("gl", "Get-Location"),
                Map.entry("ipmo", "Import-Module"), Map.entry("gmo", "Get-Module"), Map.entry("clear", "Clear-Host"),
                Map.entry("ni", "New-Item"), Map.entry("ri", "Remove-Item"), Map.entry("rmdir", "Remove-Item"),
                Map.entry("erase", "Remove-Item"));
    }
}
