package org.drizzle.host.bitsadmin;

import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobType;

/** The /GET... switches: one value of a job, bare under /RAWRETURN. */
final class GetSwitches {
    /** {@code BG_E_ERROR_INFORMATION_UNAVAILABLE}: GetError on a job that has no error. */
    static final int BG_E_ERROR_INFORMATION_UNAVAILABLE = 0x8020000F;

    private GetSwitches() {
    }

    /** A getter whose value is one line computed from the job. */
    static Switch.Handler value(Function<JobInfo, String> property) {
        return in -> {
            in.out().value(property.apply(in.job(0)));
            return 0;
        };
    }

    static int error(Invocation in) {
        JobInfo job = in.job(0);
        if (job.error() == null) {
            throw new BitsAdminException(BG_E_ERROR_INFORMATION_UNAVAILABLE, in.sw().action(), "The job " + Formats.guid(job) + " has no error.");
        }
        List<String> lines = Formats.error(job.error());
        if (in.out().raw()) {
            in.out().value(String.join(" ", lines));
        } else {
            lines.forEach(in.out()::line);
        }
        return 0;
    }

    static int customHeaders(Invocation in) {
        JobInfo job = in.job(0);
        if (job.customHeaders() == null) {
            throw new BitsAdminException(ErrorCodes.E_ACCESSDENIED, in.sw().action(), "The job's custom headers are write-only.");
        }
        if (job.customHeaders().isEmpty() || in.out().raw()) {
            in.out().value(job.customHeaders().isEmpty() ? "NULL" : Formats.clean(String.join(" ", job.customHeaders())));
        } else {
            job.customHeaders().forEach(h -> in.out().line(Formats.clean(h)));
        }
        return 0;
    }

    static int temporaryName(Invocation in) {
        JobInfo job = in.job(0);
        long index = Formats.number(in.arg(1), "file index", in.sw().action());
        if (job.files().isEmpty()) {
            throw BitsAdminException.invalid(in.sw().action(), "The job " + Formats.guid(job) + " has no files.");
        }
        if (index < 0 || index >= job.files().size()) {
            throw BitsAdminException.invalid(in.sw().action(), "The file index " + in.arg(1) + " is not between 0 and "
                    + (job.files().size() - 1) + ".");
        }
        JobFileInfo f = job.files().get((int) index);
        in.out().value(f.temporaryName() == null ? "NULL" : Formats.clean(f.temporaryName()));
        return 0;
    }

    /** The reply bytes as a hex dump: offset, 16 bytes in hex, the printable ASCII. */
    static int replyData(Invocation in) {
        JobInfo job = in.job(0);
        if (job.type() != JobType.UPLOAD_REPLY) {
            throw new BitsAdminException(ErrorCodes.BG_E_INVALID_STATE, in.sw().action(),
                    "The job " + Formats.guid(job) + " is not an UPLOAD-REPLY job.");
        }
        byte[] data = in.client().getReplyData(job.id());
        HexFormat hex = HexFormat.of();
        for (int off = 0; off < data.length; off += 16) {
            StringBuilder line = new StringBuilder(String.format("%08x ", off));
            StringBuilder text = new StringBuilder();
            for (int i = off; i < off + 16; i++) {
                if (i < data.length) {
                    line.append(' ').append(hex.toHexDigits(data[i]));
                    text.append(data[i] >= 0x20 && data[i] < 0x7f ? (char) data[i] : '.');
                } else {
                    line.append("   ");
                }
            }
            in.out().line(line + "  " + text);
        }
        return 0;
    }
}
