package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.BgFileInfo;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AddFileSet: all files in one change or none, in the engine and through the service's socket. */
class AddFileSetTest {
    @TempDir
    Path dir;

    static List<BgFileInfo> files(Path folder, int n) {
        List<BgFileInfo> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new BgFileInfo("http://127.0.0.1:9/f" + i + ".bin", folder.resolve("f" + i + ".bin").toString()));
        }
        return out;
    }

    static void refused(Runnable r, int code, String naming) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(BitsException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.getMessage()).contains(naming);
        });
    }

    @Test
    void aSetIsAddedWholeOrNotAtAllInTheEngine() throws Exception {
        try (EngineFixture fx = new EngineFixture(dir.resolve("store"), b -> b.limits(() ->
                new JobLimits(10, 50, 5, 500, Duration.ofDays(90), Duration.ofDays(90), 0)))) {
            checkWholeOrNothing(fx.client());
        }
    }

    @Test
    void aSetCrossesTheServiceWireAsOneCall() throws Exception {
        try (ServiceFixture fx = new ServiceFixture(dir, ServiceMode.USER).start();
             RemoteEngine remote = fx.connect()) {
            JobId id = remote.createJob("set", JobType.DOWNLOAD, null).id();
            JobInfo info = remote.addFileSet(id, files(dir, 150));
            assertThat(info.progress().filesTotal()).isEqualTo(150);
            List<JobFileInfo> stored = remote.getJob(id).files();
            assertThat(stored).hasSize(150);
            assertThat(stored.get(149).remoteName()).isEqualTo("http://127.0.0.1:9/f149.bin");
            refused(() -> remote.addFileSet(id, List.of(new BgFileInfo("ftp://x/y", dir.resolve("z").toString()))),
                    ErrorCodes.INTERNET_UNRECOGNIZED_SCHEME, "ftp://x/y");
            assertThat(remote.getJob(id).files()).hasSize(150);
        }
    }

    private void checkWholeOrNothing(EngineClient c) throws Exception {
        Files.createDirectories(dir.resolve("b"));
        Files.createDirectories(dir.resolve("c"));
        JobId id = c.createJob("set", JobType.DOWNLOAD, null).id();
        assertThat(c.addFileSet(id, files(dir, 3)).progress().filesTotal()).isEqualTo(3);

        // A bad remote name in the middle: nothing of the set is added, the error names it.
        List<BgFileInfo> bad = new ArrayList<>(files(dir.resolve("b"), 2));
        bad.add(1, new BgFileInfo("http:///no-host", dir.resolve("bad.bin").toString()));
        refused(() -> c.addFileSet(id, bad), ErrorCodes.INTERNET_INVALID_URL, "http:///no-host");
        assertThat(c.getJob(id).files()).hasSize(3);

        // The same local name twice inside the set, or once more beside the job's own files.
        List<BgFileInfo> twice = List.of(new BgFileInfo("http://127.0.0.1:9/a", dir.resolve("same").toString()),
                new BgFileInfo("http://127.0.0.1:9/b", dir.resolve("same").toString()));
        refused(() -> c.addFileSet(id, twice), ErrorCodes.E_INVALIDARG, "same");
        refused(() -> c.addFileSet(id, files(dir, 1)), ErrorCodes.E_INVALIDARG, "f0.bin");
        assertThat(c.getJob(id).files()).hasSize(3);

        // MaxFilesPerJob (5 here) counts the set with the job's files.
        refused(() -> c.addFileSet(id, files(dir.resolve("c"), 3)), ErrorCodes.BG_E_TOO_MANY_FILES_IN_JOB, "MaxFilesPerJob");
        assertThat(c.addFileSet(id, files(dir.resolve("c"), 2)).progress().filesTotal()).isEqualTo(5);
        // Every download file of both sets got its temporary name.
        assertThat(c.getJob(id).files()).extracting(JobFileInfo::temporaryName).doesNotContainNull();

        refused(() -> c.addFileSet(id, List.of()), ErrorCodes.E_INVALIDARG, "at least one file");
    }
}
