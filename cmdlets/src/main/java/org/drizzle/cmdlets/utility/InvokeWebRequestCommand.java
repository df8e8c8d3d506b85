package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;

/** Invoke-WebRequest: an HTTP request through HttpClient 5, the usual fallback downloader of BITS scripts. */
@Cmdlet(verb = "Invoke", noun = "WebRequest", synopsis = "Gets content from a web page or downloads a file over HTTP.",
        description = "Sends an HTTP request. With -OutFile the body is saved to the file (written to a temporary file "
                + "and renamed, so the file is never partial) and nothing is output unless -PassThru; otherwise "
                + "outputs an object with StatusCode, StatusDescription, Content and Headers.")
@Example(code = "Invoke-WebRequest -Uri $url -OutFile $dest -UseBasicParsing", remarks = "Downloads a file.")
@Example(code = "(Invoke-WebRequest $url -Headers @{ Accept = 'text/plain' }).Content", remarks = "Reads a page as text.")
public class InvokeWebRequestCommand extends WebCommandBase {
    @Override
    public void process(Object input) {
        HttpFetch.Response r = fetch();
        if (r != null) {
            writeObject(new WebResponseObject(r.statusCode(), r.statusDescription(), r.text(), r.headers(),
                    r.body() == null ? 0 : r.body().length));
        }
    }
}
