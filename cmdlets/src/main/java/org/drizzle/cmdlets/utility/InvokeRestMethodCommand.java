package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Invoke-RestMethod: an HTTP request whose JSON answer becomes objects (through Jackson), other answers text. */
@Cmdlet(verb = "Invoke", noun = "RestMethod", synopsis = "Sends an HTTP request and returns the parsed response.",
        description = "As Invoke-WebRequest, but outputs the body itself: JSON (by Content-Type or by shape) becomes "
                + "PSCustomObjects and arrays, anything else is returned as a string.")
@Example(code = "(Invoke-RestMethod $api/releases/latest).tag_name", remarks = "Reads a field of a JSON answer.")
public class InvokeRestMethodCommand extends WebCommandBase {
    @Parameter(help = "A variable to set to the response's status code.")
    String statusCodeVariable;
    @Parameter(aliases = "RHV", help = "A variable to set to the response's headers (a hashtable).")
    String responseHeadersVariable;
    @Parameter(aliases = "FL", help = "Also request the pages the Link header's rel=\"next\" names, one after another, "
            + "and output each page's result.")
    boolean followRelLink;
    @Parameter(aliases = "ML", help = "With -FollowRelLink, request at most this many pages in all.")
    int maximumFollowRelLink = Integer.MAX_VALUE;

    @Override
    public void process(Object input) {
        check(maximumFollowRelLink >= 1, "MaximumFollowRelLink", maximumFollowRelLink, 1);
        for (int pages = 1; ; pages++) {
            HttpFetch.Response r = fetch();
            if (r == null) {
                return;
            }
            output(r);
            java.net.URI next = followRelLink && pages < maximumFollowRelLink
                    ? RelationLinks.of(r.headers().get("Link"), target()).get("next") : null;
            if (next == null) {
                return;
            }
            uri = next.toString();
        }
    }

    private void output(HttpFetch.Response r) {
        if (statusCodeVariable != null) {
            context().setVariable(statusCodeVariable, r.statusCode());
        }
        if (responseHeadersVariable != null) {
            context().setVariable(responseHeadersVariable, r.headers());
        }
        String text = r.text() == null ? "" : r.text();
        String type = r.headers().get("Content-Type") == null ? "" : r.headers().get("Content-Type").toString();
        String trimmed = text.strip();
        boolean json = type.contains("json") || trimmed.startsWith("{") || trimmed.startsWith("[");
        if (json && !trimmed.isEmpty()) {
            try {
                context().writeEnumerated(JsonConverter.fromJson(trimmed));
                return;
            } catch (RuntimeException e) {
                if (type.contains("json")) {
                    throw throwTerminating(new ErrorRecord(e, "WebCmdletJsonParse", ErrorCategory.PARSER_ERROR, uri));
                }
            }
        }
        writeObject(text);
    }
}
