package org.drizzle.host.bitsadmin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobError;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobProgress;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.ProxyUsage;
import org.drizzle.engine.notify.windows.WindowsCommandLine;

/** How bitsadmin spells values and lays out its job lines (docs/bitsadmin.md "Output"). */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    private Formats() {
    }

    /**
     * Job text as printed: control characters (line breaks, escapes) become '?', so a display
     * name, URL or header another user chose cannot forge lines in an admin's /LIST /ALLUSERS
     * that a script parses.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
        return sb.toString();
    }

    static String guid(JobInfo job) {
        return "{" + job.id().toString().toUpperCase(Locale.ROOT) + "}";
    }

    /** QUEUED ... TRANSIENT_ERROR ... CANCELLED: the BG_JOB_STATE names without the prefix. */
    static String state(JobInfo job) {
        return job.state().name();
    }

    static String type(JobType type) {
        return type == JobType.UPLOAD_REPLY ? "UPLOAD-REPLY" : type.name();
    }

    static String proxyUsage(ProxyUsage usage) {
        return switch (usage) {
            case SYSTEM_DEFAULT -> "PRECONFIG";
            case NO_PROXY -> "NO_PROXY";
            case OVERRIDE -> "OVERRIDE";
            case AUTO_DETECT -> "AUTODETECT";
        };
    }

    /** A time as bitsadmin prints it in the en-US locale, in this machine's zone; UNKNOWN when unset. */
    static String time(Instant t) {
        return t == null ? "UNKNOWN" : TIME.format(t.atZone(ZoneId.systemDefault()));
    }

    static String bytes(long n) {
        return n == JobProgress.UNKNOWN ? "UNKNOWN" : Long.toString(n);
    }

    /** NULL for an empty list, else the items separated by commas. */
    static String list(List<String> items) {
        return items == null || items.isEmpty() ? "NULL" : clean(String.join(",", items));
    }

    /** OGDS letters of the BG_COPY_FILE_* flags. */
    static String aclFlags(int flags) {
        StringBuilder sb = new StringBuilder();
        String letters = "OGDS";
        for (int bit = 0; bit < 4; bit++) {
            if ((flags & (1 << bit)) != 0) {
                sb.append(letters.charAt(bit));
            }
        }
        return sb.toString();
    }

    /** The /LIST line: {@code {GUID} 'name' STATE files / files bytes / bytes}. */
    static String listLine(JobInfo j) {
        JobProgress p = j.progress();
        return guid(j) + " '" + clean(j.displayName()) + "' " + state(j) + " " + p.filesTransferred() + " / " + p.filesTotal()
                + " " + p.bytesTransferred() + " / " + bytes(p.bytesTotal());
    }

    /** The two lines /TRANSFER prints while it waits. */
    static List<String> progress(JobInfo j) {
        JobProgress p = j.progress();
        String percent = p.bytesTotal() > 0 ? " (" + (p.bytesTransferred() * 100 / p.bytesTotal()) + "%)"
                : p.bytesTotal() == 0 ? " (100%)" : "";
        return List.of("DISPLAY: '" + clean(j.displayName()) + "' TYPE: " + type(j.type()) + " STATE: " + state(j),
                "PRIORITY: " + j.priority().name() + " FILES: " + p.filesTransferred() + " / " + p.filesTotal()
                        + " BYTES: " + p.bytesTransferred() + " / " + bytes(p.bytesTotal()) + percent);
    }

    /** /GETERROR: the failing file, the HRESULT and the context, each with its description. */
    static List<String> error(JobError e) {
        List<String> lines = new ArrayList<>();
        if (e.remoteName() != null) {
            lines.add("ERROR FILE:    " + clean(e.remoteName()) + " -> " + clean(e.localName()));
        }
        lines.add("ERROR CODE:    " + ErrorCodes.hex(e.code()) + " - " + clean(e.description()));
        lines.add("ERROR CONTEXT: " + ErrorCodes.hex(e.context().value()) + " - " + e.context().description());
        return lines;
    }

    /** One /LISTFILES line: {@code transferred / total STATE remote -> local}. */
    static String fileLine(JobFileInfo f) {
        return f.bytesTransferred() + " / " + bytes(f.bytesTotal()) + " " + (f.completed() ? "COMPLETED" : "WORKING") + " "
                + clean(f.remoteName()) + " -> " + clean(f.localName());
    }

    /** The notify command line as /GETNOTIFYCMDLINE shows it: {@code 'program' 'parameters'}, or NULL. */
    static String notifyCmdLine(List<String> cmd) {
        if (cmd == null || cmd.isEmpty()) {
            return "NULL";
        }
        String params = cmd.size() == 1 ? "NULL" : cmd.size() == 2 ? cmd.get(1) : WindowsCommandLine.join(cmd);
        return "'" + clean(cmd.get(0)) + "' '" + clean(params) + "'";
    }

    /** /INFO /VERBOSE and /LIST /VERBOSE. */
    static List<String> verbose(JobInfo j) {
        JobProgress p = j.progress();
        List<String> l = new ArrayList<>();
        l.add("GUID: " + guid(j) + " DISPLAY: '" + clean(j.displayName()) + "'");
        l.add("TYPE: " + type(j.type()) + " STATE: " + state(j) + " OWNER: " + clean(j.owner().account()));
        l.add("PRIORITY: " + j.priority().name() + " FILES: " + p.filesTransferred() + " / " + p.filesTotal()
                + " BYTES: " + p.bytesTransferred() + " / " + bytes(p.bytesTotal()));
        l.add("CREATION TIME: " + time(j.creationTime()) + " MODIFICATION TIME: " + time(j.modificationTime()));
        l.add("COMPLETION TIME: " + time(j.transferCompletionTime()) + " ACL FLAGS: " + aclFlags(j.aclFlags()));
        l.add("NOTIFY INTERFACE: UNREGISTERED NOTIFICATION FLAGS: " + j.notifyFlags());
        l.add("RETRY DELAY: " + j.minimumRetryDelay() + " NO PROGRESS TIMEOUT: " + j.noProgressTimeout()
                + " ERROR COUNT: " + j.errorCount());
        l.add("PROXY USAGE: " + proxyUsage(j.proxyUsage()) + " PROXY LIST: " + list(j.proxyList())
                + " PROXY BYPASS LIST: " + list(j.proxyBypass()));
        if (j.error() != null) {
            l.addAll(error(j.error()));
        }
        l.add("DESCRIPTION: " + clean(j.description()));
        l.add("JOB FILES:");
        for (JobFileInfo f : j.files()) {
            l.add("\t" + fileLine(f));
        }
        l.add("NOTIFICATION COMMAND LINE: " + (j.notifyCmdLine() == null || j.notifyCmdLine().isEmpty() ? "none"
                : notifyCmdLine(j.notifyCmdLine())));
        if (j.type() == JobType.UPLOAD_REPLY) {
            l.add("REPLY FILE: '" + clean(j.replyFileName()) + "' " + replyProgress(j));
        }
        l.add("CUSTOM HEADERS: " + (j.customHeaders() == null ? "(write-only)" : list(j.customHeaders())));
        return l;
    }

    static String replyProgress(JobInfo j) {
        JobProgress r = j.replyProgress();
        return r == null ? "0 / UNKNOWN" : r.bytesTransferred() + " / " + bytes(r.bytesTotal());
    }

    /** A unsigned number given in decimal or 0x hex; names the bad value otherwise. */
    static long number(String text, String what, String action) {
        try {
            String t = text.trim();
            return t.regionMatches(true, 0, "0x", 0, 2) ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw BitsAdminException.invalid(action, "The " + what + " '" + text + "' is not a number.");
        }
    }
}
