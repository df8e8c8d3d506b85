package org.drizzle.cmdlets.bits;

import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobError;

/** Turns engine refusals and job errors into ErrorRecords that carry the BITS HRESULT. */
final class BitsErrors {
    private BitsErrors() {
    }

    static ErrorRecord of(BitsException e, Object target, String command) {
        return new ErrorRecord(e, ErrorCodes.name(e.code()), category(e.code()), target, command, e.code());
    }

    /** The job's own error (JobState Error), as a synchronous transfer reports it. */
    static ErrorRecord of(JobError error, BitsJob job, String command) {
        String message = error.description() + (error.remoteName() == null ? "" : " (" + error.remoteName() + ")");
        return new ErrorRecord(new BitsException(error.code(), message), ErrorCodes.name(error.code()),
                category(error.code()), job, command, error.code());
    }

    static ErrorRecord invalidArgument(String id, Object target, String command, String message) {
        return new ErrorRecord(new IllegalArgumentException(message), id, ErrorCategory.INVALID_ARGUMENT, target,
                command, ErrorCodes.E_INVALIDARG);
    }

    static ErrorCategory category(int code) {
        if (code == ErrorCodes.BG_E_NOT_FOUND) {
            return ErrorCategory.OBJECT_NOT_FOUND;
        }
        if (code == ErrorCodes.E_ACCESSDENIED) {
            return ErrorCategory.PERMISSION_DENIED;
        }
        if (code == ErrorCodes.BG_E_INVALID_STATE) {
            return ErrorCategory.INVALID_OPERATION;
        }
        if (code == ErrorCodes.E_INVALIDARG) {
            return ErrorCategory.INVALID_ARGUMENT;
        }
        return ErrorCategory.NOT_SPECIFIED;
    }
}
