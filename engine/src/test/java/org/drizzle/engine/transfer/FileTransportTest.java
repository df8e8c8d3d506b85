package org.drizzle.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.Content;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FileTransport on real files: copy, resume by offset, size+mtime validation, error codes. */
class FileTransportTest {
    @TempDir
    Path dir;
    final FileTransport transport = new FileTransport(Throttle.UNLIMITED, Impersonator.NONE);

    Path source(String name, long size, long seed) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, Content.generated(size, seed).bytes());
        return p;
    }

    TestSession session(URI uri) {
        return new TestSession(uri, dir.resolve("BIT" + Math.abs(uri.hashCode()) + ".tmp"));
    }

    @Test
    void handlesFileUrisForDownloadsOnly() {
        assertThat(transport.handles(URI.create("file:///tmp/x"), JobType.DOWNLOAD)).isTrue();
        assertThat(transport.handles(URI.create("file:///tmp/x"), JobType.UPLOAD)).isFalse();
        assertThat(transport.handles(URI.create("http://127.0.0.1/x"), JobType.DOWNLOAD)).isFalse();
    }

    @Test
    void copiesAndResumesByOffset() throws Exception {
        Path src = source("src.bin", 3_000_000, 1);
        TestSession s = session(src.toUri());
        s.stopAfter = 1_000_000;
        assertThatThrownBy(() -> transport.transfer(s)).isInstanceOf(TransferStoppedException.class);
        long stoppedAt = s.offset;
        assertThat(stoppedAt).isBetween(1_000_000L, 2_999_999L);
        s.stopAfter = -1;
        transport.transfer(s.again());
        assertThat(s.bytes()).isEqualTo(Files.readAllBytes(src));
        assertThat(s.restarts).isZero();
        assertThat(s.validator.size()).isEqualTo(3_000_000);
        assertThat(s.connected).isTrue();
    }

    @Test
    void localhostFileUrisAreLocal() throws Exception {
        Path src = source("lh.bin", 1000, 2);
        TestSession s = session(URI.create("file://localhost" + src.toUri().getRawPath()));
        transport.transfer(s);
        assertThat(s.bytes()).isEqualTo(Files.readAllBytes(src));
    }

    @Test
    void aChangedSourceRestartsFromZero() throws Exception {
        Path src = source("chg.bin", 500_000, 3);
        TestSession s = session(src.toUri());
        s.stopAfter = 100_000;
        assertThatThrownBy(() -> transport.transfer(s)).isInstanceOf(TransferStoppedException.class);
        Files.write(src, Content.generated(500_000, 4).bytes());
        Files.setLastModifiedTime(src, FileTime.from(Instant.now().plusSeconds(60)));
        s.stopAfter = -1;
        transport.transfer(s.again());
        assertThat(s.restarts).isEqualTo(1);
        assertThat(s.bytes()).isEqualTo(Files.readAllBytes(src));
    }

    @Test
    void aMissingSourceIsFatalFileNotFound() {
        TestSession s = session(dir.resolve("nope.bin").toUri());
        TransferException e = fails(transport, s);
        assertThat(e.code()).isEqualTo(ErrorCodes.ERROR_FILE_NOT_FOUND);
        assertThat(e.context()).isEqualTo(ErrorContext.REMOTE_FILE);
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void anUnreadableSourceIsAccessDenied() throws Exception {
        Path src = source("secret.bin", 100, 5);
        // The owner's identity is what reads; an impersonator that refuses stands for an owner without rights.
        FileTransport refusing = new FileTransport(Throttle.UNLIMITED, new Impersonator() {
            @Override
            public <T> T runAs(org.drizzle.engine.job.Owner owner, org.drizzle.engine.identity.IoCall<T> call)
                    throws IOException {
                throw new AccessDeniedException(src.toString());
            }
        });
        TransferException e = fails(refusing, session(src.toUri()));
        assertThat(e.code()).isEqualTo(ErrorCodes.E_ACCESSDENIED);
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void rangesAreRefusedForFilePaths() throws Exception {
        TestSession s = session(source("r.bin", 100, 6).toUri());
        s.ranges = List.of(new ByteRange(0, 10));
        assertThat(fails(transport, s).code()).isEqualTo(ErrorCodes.E_INVALIDARG);
    }

    private static TransferException fails(FileTransport t, TestSession s) {
        try {
            t.transfer(s);
        } catch (TransferException e) {
            return e;
        } catch (TransferStoppedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the transfer succeeded");
    }
}
