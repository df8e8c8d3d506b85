package org.drizzle.engine.job;

/** {@code BG_JOB_TYPE}: what a job moves and in which direction. */
public enum JobType {
    /** {@code BG_JOB_TYPE_DOWNLOAD}: any number of files from servers to local names. */
    DOWNLOAD(0),
    /** {@code BG_JOB_TYPE_UPLOAD}: exactly one local file to a BITS upload server. */
    UPLOAD(1),
    /** {@code BG_JOB_TYPE_UPLOAD_REPLY}: one upload whose server reply is downloaded too. */
    UPLOAD_REPLY(2);

    private final int value;

    JobType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public boolean isUpload() {
        return this != DOWNLOAD;
    }

    public String displayName() {
        return Names.pascal(name());
    }

    public static JobType parse(String text) {
        return Names.parse(JobType.class, text);
    }
}
