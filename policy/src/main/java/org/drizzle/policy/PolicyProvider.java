package org.drizzle.policy;

/**
 * One source of policy values (file, registry, fleet URL). {@link #load} reads what the source
 * holds now; {@link #start} begins watching and calls back whenever it may have changed, after
 * which the {@link PolicyManager} loads it again.
 */
public interface PolicyProvider extends AutoCloseable {

    PolicySource source();

    /** Where the values come from, for messages and Get-BitsPolicy. */
    String origin();

    /** The source's values now; an absent file or key gives an empty layer. */
    PolicyLayer load() throws PolicyRejectedException;

    /** Begins change detection; {@code changed} may be called from any thread. */
    void start(Runnable changed);

    /** Stops change detection. */
    @Override
    void close();
}
