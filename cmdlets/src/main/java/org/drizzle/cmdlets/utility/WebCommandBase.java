package org.drizzle.cmdlets.utility;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.core5.concurrent.Cancellable;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.PipelineStoppedException;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * The parameters Invoke-WebRequest and Invoke-RestMethod share, and the one request they make:
 * with -OutFile the body goes to the file (never partially) and nothing is output unless -PassThru.
 * HTTP error statuses and connection failures stop the statement (a terminating error), as in PowerShell.
 */
abstract class WebCommandBase extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, aliases = "Url", help = "The http or https address.")
    String uri;
    @Parameter(validateSet = {"Default", "Get", "Head", "Post", "Put", "Delete", "Trace", "Options", "Merge", "Patch"},
            help = "The HTTP method (Get by default).")
    String method = "Get";
    @Parameter(help = "Request headers, as a hashtable.")
    Object headers;
    @Parameter(help = "The request body: a string, or a hashtable sent as a form.")
    Object body;
    @Parameter(help = "The Content-Type of the body.")
    String contentType;
    @Parameter(help = "The server credential (from Get-Credential).")
    PSCredential credential;
    @Parameter(help = "Give up after this many seconds without progress (0 means no limit).")
    int timeoutSec;
    @Parameter(help = "Write the response body to this file instead of the pipeline.")
    String outFile;
    @Parameter(help = "With -OutFile, also output the response.")
    boolean passThru;
    @Parameter(help = "Accepted for compatibility; responses are never parsed as HTML.")
    boolean useBasicParsing;
    @Parameter(help = "The User-Agent header.")
    String userAgent;

    private volatile Cancellable inFlight;
    private volatile boolean stopped;

    /** Performs the request; null when the body went to -OutFile. */
    protected HttpFetch.Response fetch() {
        HttpFetch.Request request = new HttpFetch.Request(target(), method.equalsIgnoreCase("Default") ? "GET" : method,
                headerMap(), credential, timeoutSec > 0 ? Duration.ofSeconds(timeoutSec) : null, bodyBytes(),
                contentType);
        try {
            Path file = outFile == null ? null : context().resolvePath(outFile);
            HttpFetch.Response r = HttpFetch.execute(request, file, this::started);
            return file == null || passThru ? r : null;
        } catch (WebRequestException e) {
            throw throwTerminating(new ErrorRecord(e, "WebCmdletWebResponseException", ErrorCategory.INVALID_OPERATION, uri));
        } catch (IOException | IllegalArgumentException e) {
            if (stopped) {
                throw new PipelineStoppedException();
            }
            throw throwTerminating(new ErrorRecord(e, "WebCmdletWebResponseException", ErrorCategory.CONNECTION_ERROR, uri));
        }
    }

    private void started(Cancellable request) {
        inFlight = request;
        if (stopped) {
            request.cancel();
        }
    }

    /** Ctrl+C: abort the request; a partial -OutFile download is discarded. */
    @Override
    public void stop() {
        stopped = true;
        Cancellable c = inFlight;
        if (c != null) {
            c.cancel();
        }
    }

    private URI target() {
        try {
            URI u = new URI(uri.trim());
            return u.getScheme() == null ? new URI("http://" + uri.trim()) : u;
        } catch (URISyntaxException e) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("Invalid URI '" + uri + "': " + e.getReason()),
                    "WebCmdletInvalidUri", ErrorCategory.INVALID_ARGUMENT, uri));
        }
    }

    private Map<String, String> headerMap() {
        Map<String, String> out = new LinkedHashMap<>();
        if (headers instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(LanguagePrimitives.toStr(k), LanguagePrimitives.toStr(v)));
        } else if (headers != null) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("-Headers takes a hashtable such as @{ Accept = 'text/plain' }."),
                    "WebCmdletInvalidHeaders", ErrorCategory.INVALID_ARGUMENT, headers));
        }
        if (userAgent != null) {
            out.put("User-Agent", userAgent);
        }
        return out;
    }

    /** A hashtable body is form-encoded (as PowerShell does for POST); anything else is sent as its text. */
    private byte[] bodyBytes() {
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] b) {
            return b;
        }
        if (body instanceof Map<?, ?> m) {
            StringBuilder form = new StringBuilder();
            m.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                    .append(java.net.URLEncoder.encode(LanguagePrimitives.toStr(k), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(LanguagePrimitives.toStr(v), StandardCharsets.UTF_8)));
            return form.toString().getBytes(StandardCharsets.UTF_8);
        }
        return LanguagePrimitives.toStr(body).getBytes(StandardCharsets.UTF_8);
    }
}
