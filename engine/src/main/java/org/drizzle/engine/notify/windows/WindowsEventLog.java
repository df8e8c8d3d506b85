package org.drizzle.engine.notify.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.WinNT;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.log.LogText;
import org.drizzle.engine.notify.SystemEvent;
import org.drizzle.engine.notify.SystemLog;

/** Job events in the Windows Application event log (RegisterEventSource + ReportEvent). */
public final class WindowsEventLog implements SystemLog {
    private final WinNT.HANDLE source;

    public WindowsEventLog(String sourceName) {
        this.source = Advapi32.INSTANCE.RegisterEventSource(null, sourceName);
    }

    /** The Win32 event type for a severity. */
    static int eventType(SystemEvent.Severity s) {
        return switch (s) {
            case ERROR -> WinNT.EVENTLOG_ERROR_TYPE;
            case WARNING -> WinNT.EVENTLOG_WARNING_TYPE;
            case NOTICE, INFO -> WinNT.EVENTLOG_INFORMATION_TYPE;
        };
    }

    @Override
    public void record(SystemEvent event, JobInfo job, String message) {
        if (source == null) {
            return;
        }
        String text = job == null ? LogText.of(message) : "Job " + job.id() + " '" + LogText.of(job.displayName())
                + "' (owner " + LogText.of(job.owner().name()) + "): " + LogText.of(message);
        Advapi32.INSTANCE.ReportEvent(source, eventType(event.severity), 0, event.id, null, 1, 0, new String[] {text}, null);
    }

    @Override
    public void close() {
        if (source != null) {
            Advapi32.INSTANCE.DeregisterEventSource(source);
        }
    }
}
