package org.drizzle.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdsRecordingTest {
    @Test
    void everyListedClassExistsSoTheRecordedArchiveServesDownloadsScriptsAndListings() throws IOException {
        List<String> listed;
        try (InputStream in = CdsRecording.class.getResourceAsStream(CdsRecording.LIST)) {
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        // bench/cds-class-list.sh makes the list from real runs; a stale one fails here, not silently.
        assertTrue(listed.size() > 2000, "only " + listed.size() + " classes listed");
        for (String needed : List.of("org.drizzle.engine.transfer.HttpDownload", "org.drizzle.engine.store.JobStore",
                "org.apache.hc.client5.http.impl.classic.InternalHttpClient", "org.openjdk.nashorn.api.scripting.NashornScriptEngine",
                "org.drizzle.cmdlets.bits.StartBitsTransferCommand")) {
            assertTrue(listed.contains(needed), needed + " is not in the list");
        }
        assertEquals(List.of(), CdsRecording.loadListedClasses(), "listed classes that do not load");
    }
}
