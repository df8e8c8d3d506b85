package org.drizzle.engine.notify;

/**
 * The job events Drizzle writes to the system log (journald/syslog, the Windows Event Log),
 * each with an event id and a syslog severity. Ids follow the BITS-Client operational log
 * where it has one (3 created, 4 transferred, 5 cancelled).
 */
public enum SystemEvent {
    JOB_CREATED(3, Severity.INFO),
    JOB_TRANSFERRED(4, Severity.INFO),
    JOB_CANCELLED(5, Severity.INFO),
    JOB_RESUMED(6, Severity.INFO),
    JOB_COMPLETED(7, Severity.INFO),
    JOB_ERROR(8, Severity.ERROR),
    OWNERSHIP_TAKEN(9, Severity.NOTICE),
    ACCESS_REFUSED(10, Severity.WARNING),
    NOTIFY_COMMAND_RAN(11, Severity.INFO),
    NOTIFY_COMMAND_FAILED(12, Severity.WARNING);

    /** syslog severities (RFC 5424 numbers) that map onto Windows event types. */
    public enum Severity {
        ERROR(3), WARNING(4), NOTICE(5), INFO(6);

        public final int syslog;

        Severity(int syslog) {
            this.syslog = syslog;
        }
    }

    public final int id;
    public final Severity severity;

    SystemEvent(int id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }
}
