package org.drizzle.engine.notify;

import java.nio.file.Path;
import java.util.List;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;

/**
 * BITS' rules for a notify command line (IBackgroundCopyJob2::SetNotifyCmdLine): the program
 * is a full path (no search path, no variable expansion), the first argument is the program
 * itself, and the whole line is at most {@value #MAX_LENGTH} characters. An empty list clears it.
 */
public final class NotifyCmdLine {
    /** BITS' limit on the parameters string. */
    public static final int MAX_LENGTH = 4000;

    private NotifyCmdLine() {
    }

    /** Throws E_INVALIDARG / BG_E_STRING_TOO_LONG naming the bad value; accepts empty (clear). */
    public static void validate(List<String> cmdLine) {
        if (cmdLine == null || cmdLine.isEmpty()) {
            return;
        }
        String program = cmdLine.get(0);
        if (program == null || program.isBlank()) {
            throw new BitsException(ErrorCodes.E_INVALIDARG,
                    "The notify command line has arguments but no program.");
        }
        if (!Path.of(program).isAbsolute()) {
            throw new BitsException(ErrorCodes.E_INVALIDARG, "The notify program '" + program
                    + "' is not a full path; BITS runs no search path, so give it as /path/to/program.");
        }
        int length = String.join(" ", cmdLine).length();
        if (length > MAX_LENGTH) {
            throw new BitsException(ErrorCodes.BG_E_STRING_TOO_LONG, "The notify command line is " + length
                    + " characters; at most " + MAX_LENGTH + " are allowed.");
        }
        for (String arg : cmdLine) {
            if (arg == null || arg.indexOf('\0') >= 0) {
                throw new BitsException(ErrorCodes.E_INVALIDARG,
                        "A notify command-line argument is null or contains a NUL character.");
            }
        }
    }
}
