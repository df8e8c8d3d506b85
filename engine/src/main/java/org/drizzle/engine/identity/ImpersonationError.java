package org.drizzle.engine.identity;

/**
 * The thread could not get its own identity back after impersonating: it must die rather than
 * continue with another user's file-system rights. Deliberately an {@link Error}.
 */
public final class ImpersonationError extends Error {
    private static final long serialVersionUID = 1L;

    public ImpersonationError(String message) {
        super(message);
    }
}
