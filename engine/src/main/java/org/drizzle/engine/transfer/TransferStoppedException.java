package org.drizzle.engine.transfer;

/** The scheduler asked the transfer to stop; not an error, the durable offset stays valid. */
public class TransferStoppedException extends Exception {
    private static final long serialVersionUID = 1L;

    public TransferStoppedException() {
        super("transfer stopped at a durable point", null, false, false);
    }
}
