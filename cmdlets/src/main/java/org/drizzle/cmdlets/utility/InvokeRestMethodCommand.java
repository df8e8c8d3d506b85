package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;

/** Invoke-RestMethod: an HTTP request whose JSON answer becomes objects (through Jackson), other answers text. */
@Cmdlet(verb = "Invoke", noun = "RestMethod", synopsis = "Sends an HTTP request and returns the parsed response.",
        description = "As Invoke-WebRequest, but outputs the body itself: JSON (by Content-Type or by shape) becomes "
                + "PSCustomObjects and arrays, anything else is returned as a string.")
@Example(code = "(Invoke-RestMethod $api/releases/latest).tag_name", remarks = "Reads a field of a JSON answer.")
public class InvokeRestMethodCommand extends WebCommandBase {
    @Override
    public void process(Object input) {
        HttpFetch.Response r = fetch();
        if (r == null) {
            return;
        }
        String text = r.text();
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
