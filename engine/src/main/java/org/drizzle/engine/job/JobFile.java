package org.drizzle.engine.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One file of a {@link Job} as the engine keeps it (BG_FILE_INFO plus the durable transfer
 * record): names, progress, the hidden temp file that holds the bytes until Complete, and the
 * validator that identifies the remote version being fetched. Engine-internal and mutable;
 * clients see {@link JobFileInfo} snapshots.
 */
public final class JobFile {
    private String remoteName;
    private String localName;
    private long bytesTotal = JobProgress.UNKNOWN;
    private long bytesTransferred;
    private boolean completed;
    private List<ByteRange> ranges = List.of();
    private String temporaryName;
    private RemoteValidator validator;
    /** Complete renamed the temp file to the local name (so Cancel/recovery leave it alone). */
    private boolean committed;

    /** For Jackson. */
    JobFile() {
    }

    public JobFile(String remoteName, String localName, List<ByteRange> ranges, String temporaryName) {
        this.remoteName = remoteName;
        this.localName = localName;
        this.ranges = ranges == null ? List.of() : List.copyOf(ranges);
        this.temporaryName = temporaryName;
        this.bytesTotal = rangesTotal();
    }

    /** Sum of the range lengths when every range is bounded, else unknown until the size is known. */
    private long rangesTotal() {
        if (ranges.isEmpty() || ranges.stream().anyMatch(ByteRange::toEof)) {
            return JobProgress.UNKNOWN;
        }
        return ranges.stream().mapToLong(ByteRange::length).sum();
    }

    public JobFile copy() {
        JobFile f = new JobFile();
        f.remoteName = remoteName;
        f.localName = localName;
        f.bytesTotal = bytesTotal;
        f.bytesTransferred = bytesTransferred;
        f.completed = completed;
        f.ranges = ranges;
        f.temporaryName = temporaryName;
        f.validator = validator;
        f.committed = committed;
        return f;
    }

    /** Whether {@code o} holds the same values (the store rewrites only files that changed). */
    public boolean sameAs(JobFile o) {
        return o != null && bytesTotal == o.bytesTotal && bytesTransferred == o.bytesTransferred
                && completed == o.completed && committed == o.committed
                && java.util.Objects.equals(remoteName, o.remoteName) && java.util.Objects.equals(localName, o.localName)
                && java.util.Objects.equals(temporaryName, o.temporaryName) && java.util.Objects.equals(validator, o.validator)
                && ranges.equals(o.ranges);
    }

    public JobFileInfo toInfo() {
        return new JobFileInfo(remoteName, localName, bytesTotal, bytesTransferred, completed, ranges, temporaryName);
    }

    public String remoteName() {
        return remoteName;
    }

    public void remoteName(String v) {
        remoteName = v;
    }

    public String localName() {
        return localName;
    }

    public long bytesTotal() {
        return bytesTotal;
    }

    public void bytesTotal(long v) {
        bytesTotal = v;
    }

    public long bytesTransferred() {
        return bytesTransferred;
    }

    public void bytesTransferred(long v) {
        bytesTransferred = v;
    }

    public boolean completed() {
        return completed;
    }

    public void completed(boolean v) {
        completed = v;
    }

    public List<ByteRange> ranges() {
        return ranges;
    }

    public String temporaryName() {
        return temporaryName;
    }

    public RemoteValidator validator() {
        return validator;
    }

    public void validator(RemoteValidator v) {
        validator = v;
    }

    public boolean committed() {
        return committed;
    }

    public void committed(boolean v) {
        committed = v;
    }

    /** Forgets the remote version and progress: the next transfer starts at byte 0. */
    public void resetProgress() {
        bytesTransferred = 0;
        completed = false;
        validator = null;
        bytesTotal = rangesTotal();
    }

    @JsonIgnore
    public boolean hasRanges() {
        return !ranges.isEmpty();
    }
}
