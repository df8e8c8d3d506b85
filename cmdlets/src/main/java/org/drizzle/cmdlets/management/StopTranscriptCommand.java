package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.io.Writer;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;

/** Stop-Transcript: ends the running transcript and closes its file. */
@Cmdlet(verb = "Stop", noun = "Transcript", synopsis = "Stops a transcript.")
@Example(code = "try { ... } finally { Stop-Transcript }", remarks = "Always closes the log.")
public class StopTranscriptCommand extends Command {
    @Override
    public void process(Object input) {
        Writer current = context().ui().transcript();
        if (current == null) {
            throw throwTerminating(new ErrorRecord(new IllegalStateException("An error occurred stopping transcription: "
                    + "The host is not currently transcribing."), "InvalidOperation", ErrorCategory.INVALID_OPERATION, null));
        }
        context().ui().setTranscript(null);
        try {
            if (current instanceof TranscriptWriter t) {
                t.finish();
                writeObject("Transcript stopped, output file is " + t.path());
            } else {
                current.close();
                writeObject("Transcript stopped.");
            }
        } catch (IOException e) {
            writeError(new ErrorRecord(e, "CannotStopTranscription", ErrorCategory.WRITE_ERROR, null));
        }
    }
}
