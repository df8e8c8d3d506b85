package org.drizzle.engine.store.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Windows key through real DPAPI (runs on Windows or under Wine only). */
class DpapiMachineKeyTest {
    @TempDir
    Path dir;

    @BeforeEach
    void windowsOnly() {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"),
                "skipped: DPAPI (Crypt32) exists on Windows only");
    }

    @Test
    void theFileHoldsOnlyTheProtectedKeyAndGivesTheSameKeyBack() throws Exception {
        Path file = dir.resolve(MachineKey.FILE_NAME);
        byte[] key = new DpapiMachineKey(file).load().getEncoded();
        assertThat(key).hasSize(32);
        byte[] blob = Files.readAllBytes(file);
        assertThat(blob.length).isGreaterThan(32);
        assertThat(new String(blob, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(key, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(new DpapiMachineKey(file).load().getEncoded()).isEqualTo(key);
        assertThat(MachineKey.forStore(dir)).isInstanceOf(DpapiMachineKey.class);
    }

    @Test
    void aDamagedBlobIsRefusedWithTheFileNamed() throws Exception {
        Path file = dir.resolve(MachineKey.FILE_NAME);
        Files.write(file, new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> new DpapiMachineKey(file).load()).isInstanceOf(IOException.class)
                .hasMessageContaining("The store key file " + file + " cannot be used: DPAPI says:");
    }
}
