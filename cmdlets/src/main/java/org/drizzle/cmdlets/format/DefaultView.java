package org.drizzle.cmdlets.format;

import java.util.List;

/**
 * Implemented by objects that have a default table view (PowerShell's Format.ps1xml view):
 * the formatter shows these properties instead of all of them.
 */
public interface DefaultView {

    /** The properties of the default table, in order (BitsJob: JobId, DisplayName, TransferType, JobState, OwnerAccount). */
    List<String> defaultProperties();
}
