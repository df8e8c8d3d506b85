package org.drizzle.cmdlets.management;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * A started process as Start-Process -PassThru returns it (System.Diagnostics.Process):
 * Id, ProcessName, HasExited, ExitCode ($null while running), StartTime, WaitForExit(), Kill().
 */
public final class ProcessInfo {
    private final Process process;
    private final String name;

    ProcessInfo(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    public long getId() {
        return process.pid();
    }

    public String getProcessName() {
        return name;
    }

    public boolean getHasExited() {
        return !process.isAlive();
    }

    public Integer getExitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    public OffsetDateTime getStartTime() {
        return process.info().startInstant().map(i -> i.atZone(ZoneId.systemDefault()).toOffsetDateTime()).orElse(null);
    }

    public void waitForExit() throws InterruptedException {
        process.waitFor();
    }

    /** WaitForExit(milliseconds): true when the process ended in time. */
    public boolean waitForExit(int milliseconds) throws InterruptedException {
        return process.waitFor(milliseconds, TimeUnit.MILLISECONDS);
    }

    public void kill() {
        process.destroyForcibly();
    }

    Process process() {
        return process;
    }

    @Override
    public String toString() {
        return "System.Diagnostics.Process (" + name + ")";
    }
}
