package org.drizzle.engine.testserver;

/** How a resource labels its versions with an ETag. */
public enum Etag {
    /** {@code ETag: "v1-..."}: usable in If-Range. */
    STRONG,
    /** {@code ETag: W/"v1-..."}: never usable in If-Range. */
    WEAK,
    /** No ETag header. */
    NONE
}
