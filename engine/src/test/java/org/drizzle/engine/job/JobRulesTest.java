package org.drizzle.engine.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BITS' input rules: each bad value refused with its HRESULT and named in the message. */
class JobRulesTest {
    @TempDir
    Path dir;

    static Job download() {
        return new Job(JobId.random(), "j", JobType.DOWNLOAD, new Owner(1000, "alice"), Instant.now(), 1);
    }

    static void refused(Runnable r, int code, String named) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(BitsException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.getMessage()).contains(named);
        });
    }

    @Test
    void lengths() {
        Job j = download();
        refused(() -> JobRules.checkDisplayName("x".repeat(257)), ErrorCodes.BG_E_STRING_TOO_LONG, "257");
        assertThat(JobRules.checkDisplayName("x".repeat(256))).hasSize(256);
        refused(() -> JobRules.apply(j, new JobOptions().description("d".repeat(1025))), ErrorCodes.BG_E_STRING_TOO_LONG, "1025");
        refused(() -> RemoteName.parse("http://h/" + "a".repeat(2200), JobType.DOWNLOAD).uri(),
                ErrorCodes.BG_E_STRING_TOO_LONG, "2209");
        refused(() -> JobRules.apply(j, new JobOptions().customHeaders(List.of("X-A: " + "v".repeat(16_400)))),
                ErrorCodes.BG_E_STRING_TOO_LONG, "CustomHeaders");
        refused(() -> JobRules.checkNotifyCmdLine(List.of("/bin/echo", "a".repeat(4000))),
                ErrorCodes.BG_E_STRING_TOO_LONG, "NotifyCmdLine");
    }

    @Test
    void remoteNames() {
        assertThat(RemoteName.parse("https://example.org/f", JobType.DOWNLOAD).uri().getHost()).isEqualTo("example.org");
        assertThat(RemoteName.parse("/srv/share/f", JobType.DOWNLOAD).uri().getScheme()).isEqualTo("file");
        assertThat(RemoteName.parse("file:///srv/f", JobType.DOWNLOAD).uri().getScheme()).isEqualTo("file");
        refused(() -> RemoteName.parse("ftp://h/f", JobType.DOWNLOAD).uri(), ErrorCodes.INTERNET_UNRECOGNIZED_SCHEME, "ftp");
        refused(() -> RemoteName.parse("relative/f", JobType.DOWNLOAD).uri(), ErrorCodes.E_INVALIDARG, "relative/f");
        refused(() -> RemoteName.parse("http://[::1/f", JobType.DOWNLOAD).uri(), ErrorCodes.INTERNET_INVALID_URL, "[::1/f");
        refused(() -> RemoteName.parse("/srv/f", JobType.UPLOAD).uri(), ErrorCodes.INTERNET_UNRECOGNIZED_SCHEME, "/srv/f");
    }

    @Test
    void localNames() throws Exception {
        refused(() -> FileRules.checkLocalName("rel/x.bin", false), ErrorCodes.E_INVALIDARG, "rel/x.bin");
        refused(() -> FileRules.checkLocalName(dir.resolve("nope/x.bin").toString(), false),
                ErrorCodes.ERROR_PATH_NOT_FOUND, "nope");
        refused(() -> FileRules.checkLocalName(dir.toString(), false), ErrorCodes.E_INVALIDARG, "folder");
        refused(() -> FileRules.checkLocalName(dir.resolve("up.bin").toString(), true), ErrorCodes.ERROR_FILE_NOT_FOUND, "up.bin");
        Files.writeString(dir.resolve("up.bin"), "x");
        assertThat(FileRules.checkLocalName(dir.resolve("up.bin").toString(), true)).exists();
        String temp = FileRules.temporaryName(dir.resolve("f.iso"), 0x1A2B3C4DL);
        assertThat(temp).isEqualTo(dir.resolve(".BIT1A2B3C4D.tmp").toString());
        // Eight hex digits, zero-padded, from the low 32 bits only.
        assertThat(FileRules.temporaryName(dir.resolve("f.iso"), 0x7_0000_001FL)).isEqualTo(dir.resolve(".BIT0000001F.tmp").toString());
    }

    @Test
    void headersAndCommandLine() {
        Job j = download();
        refused(() -> JobRules.apply(j, new JobOptions().customHeaders(List.of("X-A: 1\r\nX-B: 2"))), ErrorCodes.E_INVALIDARG,
                "'X-A' contains the control character \\r");
        refused(() -> JobRules.apply(j, new JobOptions().customHeaders(List.of("novalue"))), ErrorCodes.E_INVALIDARG, "novalue");
        refused(() -> JobRules.apply(j, new JobOptions().notifyCmdLine(List.of("notify.sh"))), ErrorCodes.E_INVALIDARG, "notify.sh");
        JobRules.apply(j, new JobOptions().customHeaders(List.of("X-A: 1")).customHeadersWriteOnly(true));
        assertThat(j.toInfo(JobLimits.DEFAULTS.maxDownloadTime(), 0).customHeaders()).isNull();
        refused(() -> JobRules.apply(j, new JobOptions().customHeadersWriteOnly(false)), ErrorCodes.E_INVALIDARG, "WriteOnly");
    }

    @Test
    void retryAndTimeouts() {
        Job j = download();
        refused(() -> JobRules.apply(j, new JobOptions().minimumRetryDelay(4)), ErrorCodes.E_INVALIDARG, "4 s");
        JobRules.apply(j, new JobOptions().minimumRetryDelay(5).noProgressTimeout(0).maxDownloadTime(0));
        JobInfo info = j.toInfo(JobLimits.DEFAULTS.maxDownloadTime(), 0);
        assertThat(info.minimumRetryDelay()).isEqualTo(5);
        assertThat(info.noProgressTimeout()).isZero();
        assertThat(download().toInfo(JobLimits.DEFAULTS.maxDownloadTime(), 0).maxDownloadTime()).isEqualTo(7_776_000);
        assertThat(download().toInfo(JobLimits.DEFAULTS.maxDownloadTime(), 0).minimumRetryDelay()).isEqualTo(600);
        assertThat(download().toInfo(JobLimits.DEFAULTS.maxDownloadTime(), 0).noProgressTimeout()).isEqualTo(1_209_600);
    }

    @Test
    void httpMethodAndDynamicOnlyBeforeFirstResume() {
        Job j = download();
        JobRules.apply(j, new JobOptions().httpMethod("POST"));
        assertThat(j.priority()).isEqualTo(Priority.FOREGROUND);
        refused(() -> JobRules.apply(j, new JobOptions().priority(Priority.LOW)), ErrorCodes.E_INVALIDARG, "POST");
        refused(() -> JobRules.apply(j, new JobOptions().dynamic(true)), ErrorCodes.E_INVALIDARG, "POST");
        Job k = download();
        k.everResumed(true);
        refused(() -> JobRules.apply(k, new JobOptions().httpMethod("PUT")), ErrorCodes.BG_E_INVALID_STATE, "first resumed");
        refused(() -> JobRules.apply(k, new JobOptions().dynamic(true)), ErrorCodes.BG_E_INVALID_STATE, "first resumed");
        refused(() -> JobRules.apply(download(), new JobOptions().httpMethod("BAD METHOD")), ErrorCodes.E_INVALIDARG, "BAD METHOD");
    }

    @Test
    void ranges() {
        Job j = download();
        java.net.URI http = java.net.URI.create("http://h/f");
        assertThat(FileRules.checkRanges(j, http, List.of(new ByteRange(100, 10), new ByteRange(0, 10)), 500))
                .extracting(ByteRange::initialOffset).containsExactly(0L, 100L);
        refused(() -> FileRules.checkRanges(j, http, List.of(new ByteRange(0, 10), new ByteRange(5, 10)), 500),
                ErrorCodes.BG_E_OVERLAPPING_RANGES, "overlaps");
        refused(() -> FileRules.checkRanges(j, http, List.of(new ByteRange(0, 1), new ByteRange(2, 1)), 1),
                ErrorCodes.BG_E_TOO_MANY_RANGES_IN_FILE, "MaxRangesPerFile");
        refused(() -> FileRules.checkRanges(j, java.net.URI.create("file:///f"), List.of(new ByteRange(0, 1)), 5),
                ErrorCodes.E_INVALIDARG, "file:///f");
    }

    @Test
    void proxyListsNeedOverride() {
        Job j = download();
        refused(() -> JobRules.apply(j, new JobOptions().proxyList(List.of("http://proxy:3128"))), ErrorCodes.E_INVALIDARG, "Override");
        JobRules.apply(j, new JobOptions().proxyUsage(ProxyUsage.OVERRIDE).proxyList(List.of("http://proxy:3128")));
        assertThat(j.toInfo(JobLimits.DEFAULTS.maxDownloadTime(), 0).proxyList()).containsExactly("http://proxy:3128");
    }

    @Test
    void transitionsFollowTheTable() {
        Job j = download();
        refused(() -> j.transition(JobState.TRANSFERRING, Instant.now()), ErrorCodes.BG_E_INVALID_STATE, "Suspended");
        j.transition(JobState.QUEUED, Instant.now());
        j.transition(JobState.CANCELLED, Instant.now());
        refused(() -> j.transition(JobState.QUEUED, Instant.now()), ErrorCodes.BG_E_INVALID_STATE, "Cancelled");
        assertThat(j.finalTime()).isNotNull();
    }
}
