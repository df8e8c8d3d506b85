package org.drizzle.engine.store.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Linux key file: created whole and 0600, the same key each time, anything others could have read refused. */
class FileMachineKeyTest {
    @TempDir
    Path dir;

    Path file() {
        return dir.resolve(MachineKey.FILE_NAME);
    }

    long uid() throws IOException {
        return ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
    }

    @Test
    void createsAPrivate256BitKeyAndReadsTheSameOneBack() throws Exception {
        SecretKey first = new FileMachineKey(file()).load();
        assertThat(first.getAlgorithm()).isEqualTo("AES");
        assertThat(first.getEncoded()).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(new FileMachineKey(file()).load().getEncoded()).isEqualTo(first.getEncoded());
        // Nothing but the key is left in the folder (the temp file it was written under is gone).
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString()).toList()).containsExactly(MachineKey.FILE_NAME);
        }
        assertThat(new FileMachineKey(dir.resolve("other.key")).load().getEncoded()).isNotEqualTo(first.getEncoded());
    }

    @Test
    void enginesRacingToCreateTheKeyAllGetTheSameOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> keys = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<byte[]> load = () -> new FileMachineKey(file()).load().getEncoded();
                keys.add(pool.submit(load));
            }
            byte[] first = keys.get(0).get();
            for (Future<byte[]> k : keys) {
                assertThat(k.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyOthersCouldReadIsRefusedAndLeftAsItIs() throws Exception {
        new FileMachineKey(file()).load();
        for (String loose : List.of("rw-r-----", "rw----r--", "rw-rw-rw-")) {
            Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString(loose));
            assertThatThrownBy(() -> new FileMachineKey(file()).load()).isInstanceOf(IOException.class)
                    .hasMessage("The store key file " + file() + " is refused: its mode is " + loose
                            + " but it must be readable by its owner only (rw-------). Anyone who read it can decrypt"
                            + " the store's secrets; if no one could have, run: chmod 600 " + file() + ".");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo(loose);
        }
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("r--------"));
        assertThat(new FileMachineKey(file()).load().getEncoded()).hasSize(32);
    }

    @Test
    void aKeyOfAnotherOwnerALinkOrTheWrongSizeIsRefused() throws Exception {
        new FileMachineKey(file()).load();
        assertThatThrownBy(() -> new FileMachineKey(file(), uid() + 1).load())
                .hasMessage("The store key file " + file() + " is refused: it is owned by uid " + uid()
                        + ", not by uid " + (uid() + 1) + " that runs this engine.");

        Path link = dir.resolve("link.key");
        Files.createSymbolicLink(link, file());
        assertThatThrownBy(() -> new FileMachineKey(link).load())
                .hasMessage("The store key file " + link + " is refused: it is not a regular file.");

        Path shortKey = dir.resolve("short.key");
        Files.write(shortKey, new byte[16]);
        Files.setPosixFilePermissions(shortKey, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> new FileMachineKey(shortKey).load())
                .hasMessage("The store key file " + shortKey + " is refused: it holds 16 bytes, not the 32 of a Drizzle store key.");
    }
}
