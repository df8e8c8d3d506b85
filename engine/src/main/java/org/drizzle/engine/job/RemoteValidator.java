package org.drizzle.engine.job;

/**
 * What identifies the version of a remote file, so a resume never splices two versions:
 * size plus a strong ETag and/or Last-Modified (HTTP), or size plus mtime (file paths).
 * Null fields are unknown.
 */
public record RemoteValidator(long size, String etag, String lastModified) {

    /** Whether {@code current} describes a different version than this recorded one. */
    public boolean changedTo(RemoteValidator current) {
        if (current == null) {
            return false;
        }
        if (size >= 0 && current.size >= 0 && size != current.size) {
            return true;
        }
        if (etag != null && current.etag != null && !etag.equals(current.etag)) {
            return true;
        }
        return lastModified != null && current.lastModified != null && !lastModified.equals(current.lastModified);
    }

    /** A strong ETag usable in If-Range (weak W/ tags are not). */
    public boolean hasStrongEtag() {
        return etag != null && !etag.startsWith("W/");
    }
}
