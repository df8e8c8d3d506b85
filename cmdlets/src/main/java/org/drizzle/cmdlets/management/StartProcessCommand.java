package org.drizzle.cmdlets.management;

import org.drizzle.cmdlets.api.ProviderPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.EnvironmentChanges;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.PipelineStoppedException;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * Start-Process: runs a program, optionally waiting for it (-Wait) and returning it (-PassThru,
 * whose ExitCode installers are checked by). Output goes to the console unless redirected to files.
 */
@Cmdlet(verb = "Start", noun = "Process", supportsShouldProcess = true, synopsis = "Starts one or more processes on the local computer.",
        description = "Starts -FilePath with -ArgumentList (joined into one command line and split again, honouring "
                + "double quotes, as PowerShell does). -Wait waits for it to exit; -PassThru outputs an object with "
                + "Id, HasExited and ExitCode. -NoNewWindow and -WindowStyle are accepted: there is no separate window here.")
@Example(code = "$p = Start-Process -FilePath tar -ArgumentList '-xf', $pkg -Wait -PassThru -NoNewWindow; $p.ExitCode",
        remarks = "Runs a tool and checks its exit code.")
public class StartProcessCommand extends Command {
    @Parameter(position = 0, mandatory = true, aliases = {"PSPath", "Path"}, help = "The program to run.")
    String filePath;
    @Parameter(position = 1, aliases = "Args", help = "Its arguments.")
    String[] argumentList;
    @Parameter(help = "Wait for the process to exit.")
    boolean wait;
    @Parameter(help = "Output the process object.")
    boolean passThru;
    @Parameter(aliases = "nnw", help = "Run in the current console: on Linux a process never gets a new window.")
    boolean noNewWindow;
    @Parameter(validateSet = {"Normal", "Hidden", "Minimized", "Maximized"}, help = "Accepted for compatibility.")
    String windowStyle;
    @Parameter(help = "The working folder (the current location by default).")
    String workingDirectory;
    @Parameter(aliases = "RSO", help = "Send standard output to this file.")
    String redirectStandardOutput;
    @Parameter(aliases = "RSE", help = "Send standard error to this file.")
    String redirectStandardError;
    @Parameter(aliases = "RSI", help = "Feed this file to the process's standard input.")
    String redirectStandardInput;
    @Parameter(help = "Environment variables to set for the process (a hashtable; a $null value removes one).")
    Object environment;
    @Parameter(help = "Only 'Open' is available; 'RunAs' (elevation) is not.")
    String verb;

    private volatile boolean stopped;

    @Override
    public void process(Object input) {
        if (verb != null && !verb.equalsIgnoreCase("Open")) {
            throw throwTerminating(new ErrorRecord(new UnsupportedOperationException("The verb '" + verb
                    + "' is not available here: start the script with the rights it needs instead."),
                    "InvalidOperationException", ErrorCategory.INVALID_OPERATION, verb));
        }
        Path location = context().currentLocation();
        if (!context().shouldProcess(filePath + (argumentList == null ? "" : " " + String.join(" ", argumentList)),
                "Start-Process")) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(program(location));
        if (argumentList != null) {
            command.addAll(CommandLine.split(String.join(" ", argumentList)));
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory((workingDirectory == null ? location : ProviderPaths.resolve(location, workingDirectory)).toFile())
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        EnvironmentChanges.applyTo(pb.environment(), context().environmentChanges());
        if (environment != null && !(environment instanceof Map<?, ?>)) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("-Environment takes a hashtable such as "
                    + "@{ LANG = 'C' }, not '" + LanguagePrimitives.toStr(environment) + "'."), "InvalidEnvironment",
                    ErrorCategory.INVALID_ARGUMENT, environment));
        }
        if (environment instanceof Map<?, ?> env) {
            env.forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(LanguagePrimitives.toStr(k));
                } else {
                    pb.environment().put(LanguagePrimitives.toStr(k), LanguagePrimitives.toStr(v));
                }
            });
        }
        if (redirectStandardInput != null) {
            Path in = ProviderPaths.resolve(location, redirectStandardInput);
            if (!Files.isRegularFile(in)) {
                throw throwTerminating(new ErrorRecord(new IOException("Cannot find path '" + in
                        + "' because it does not exist."), "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, redirectStandardInput));
            }
            pb.redirectInput(ProcessBuilder.Redirect.from(in.toFile()));
        }
        pb.redirectOutput(redirectStandardOutput == null ? ProcessBuilder.Redirect.INHERIT
                : ProcessBuilder.Redirect.to(ProviderPaths.resolve(location, redirectStandardOutput).toFile()));
        pb.redirectError(redirectStandardError == null ? ProcessBuilder.Redirect.INHERIT
                : ProcessBuilder.Redirect.to(ProviderPaths.resolve(location, redirectStandardError).toFile()));
        ProcessInfo info;
        try {
            info = new ProcessInfo(pb.start(), Path.of(filePath).getFileName().toString());
        } catch (IOException e) {
            throw throwTerminating(new ErrorRecord(new IOException("This command cannot be run due to the error: "
                    + "An error occurred trying to start process '" + filePath + "' with working directory '"
                    + pb.directory() + "'. " + reason(e) + "."), "InvalidOperationException", ErrorCategory.INVALID_OPERATION,
                    filePath));
        }
        if (wait) {
            await(info);
        }
        if (passThru) {
            writeObject(info);
        }
    }

    /**
     * The operating system's reason without the JDK's wording ({@code Cannot run program "x" (in directory
     * "y"): error=13, Permission denied} becomes {@code Permission denied}).
     */
    private static String reason(IOException e) {
        String m = String.valueOf(e.getMessage());
        int at = m.lastIndexOf("error=");
        int comma = at < 0 ? -1 : m.indexOf(", ", at);
        if (comma > 0) {
            return m.substring(comma + 2);
        }
        return m.startsWith("Cannot run program") ? "The system cannot find the file specified" : m;
    }

    /** A path (relative to the current location) when it names a file there, else a name looked up on PATH. */
    private String program(Path location) {
        Path local = ProviderPaths.resolve(location, filePath);
        return (filePath.contains("/") || filePath.contains("\\")) && Files.exists(local) ? local.toString() : filePath;
    }

    private void await(ProcessInfo info) {
        try {
            while (!info.waitForExit(200)) {
                if (stopped || context().isStopping()) {
                    throw new PipelineStoppedException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineStoppedException();
        }
    }

    /** Ctrl+C stops the wait (the process keeps running, as in PowerShell). */
    @Override
    public void stop() {
        stopped = true;
    }
}
