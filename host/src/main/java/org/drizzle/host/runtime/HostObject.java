package org.drizzle.host.runtime;

import org.drizzle.cmdlets.lang.PSCustomObject;

/** {@code $Host}: scripts read $Host.Name, $Host.Version and $Host.UI.RawUI.WindowSize.Width. */
final class HostObject {
    static final PSCustomObject INSTANCE = create();

    private HostObject() {
    }

    private static PSCustomObject create() {
        PSCustomObject size = new PSCustomObject();
        size.setProperty("Width", 120);
        size.setProperty("Height", 50);
        PSCustomObject raw = new PSCustomObject();
        raw.setProperty("WindowSize", size);
        raw.setProperty("BufferSize", size);
        PSCustomObject ui = new PSCustomObject();
        ui.setProperty("RawUI", raw);
        PSCustomObject host = new PSCustomObject();
        host.setProperty("Name", "Drizzle");
        host.setProperty("Version", org.drizzle.cmdlets.dotnet.DotNetVersion.parse("7.4.0"));
        host.setProperty("UI", ui);
        return host;
    }
}
