package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.lang.Hashtable;

/** What Invoke-WebRequest outputs: StatusCode, StatusDescription, Content (text), Headers and RawContentLength. */
public record WebResponseObject(int statusCode, String statusDescription, String content, Hashtable headers,
                                long rawContentLength) {
    @Override
    public String toString() {
        return content == null ? "" : content;
    }
}
