package org.drizzle.cmdlets.bits;

import java.util.List;
import org.drizzle.cmdlets.format.DefaultView;
import org.drizzle.cmdlets.lang.PropertyBag;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobProgress;

/** One entry of BitsJob.FileList (BitsFile in PowerShell): names, byte counts and completion. */
public final class BitsFile implements PropertyBag, DefaultView {
    private static final List<String> NAMES =
            List.of("RemoteName", "LocalName", "BytesTotal", "BytesTransferred", "IsTransferComplete");

    private final JobFileInfo info;

    BitsFile(JobFileInfo info) {
        this.info = info;
    }

    /** A byte count as PowerShell shows it: unknown sizes are UInt64.MaxValue (18446744073709551615). */
    static Number bytes(long n) {
        return n == JobProgress.UNKNOWN ? BitsJob.UINT64_MAX : (Number) n;
    }

    @Override
    public List<String> propertyNames() {
        return NAMES;
    }

    @Override
    public List<String> defaultProperties() {
        return NAMES;
    }

    @Override
    public Object getProperty(String name) {
        return switch (name.toLowerCase()) {
            case "remotename" -> info.remoteName();
            case "localname" -> info.localName();
            case "bytestotal" -> bytes(info.bytesTotal());
            case "bytestransferred" -> info.bytesTransferred();
            case "istransfercomplete" -> info.completed();
            default -> null;
        };
    }

    @Override
    public String toString() {
        return info.remoteName() + " -> " + info.localName();
    }

}
