package org.drizzle.cmdlets.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmdletDocsTest {
    @TempDir
    Path dir;

    @Test
    void writesOnePagePerCommandAndAnIndex() throws Exception {
        CommandRegistry r = CommandRegistry.builtIn();
        int n = CmdletDocs.write(r, dir);
        assertThat(n).isEqualTo(r.commands().size());
        assertThat(dir.resolve("cmdlets.md")).content().contains("| [Start-BitsTransfer](cmdlets/Start-BitsTransfer.md) |")
                .contains("| `%` | ForEach-Object |");
        String page = Files.readString(dir.resolve("cmdlets/Start-BitsTransfer.md"));
        assertThat(page).contains("Start-BitsTransfer [-Source] <String[]>").contains("```powershell\nImport-Csv");
    }
}
