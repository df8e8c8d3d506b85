package org.drizzle.host.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.service.DrizzleService;
import org.drizzle.engine.service.LocalEngineHost;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.engine.service.ServiceConfig;
import org.drizzle.engine.service.ServiceMode;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine selection with real sockets, stores and a real detached service process. */
class EngineSelectorTest {

    static EngineLocations at(Path dir) {
        return new EngineLocations(dir.resolve("machine.sock"), dir.resolve("user/drizzle.sock"), dir.resolve("store"));
    }

    @Test
    void autoFallsBackToEmbeddedAndTheStoreTakesOneEngineAtATime(@TempDir Path dir) throws Exception {
        try (EngineClient first = EngineSelector.open(EngineMode.AUTO, at(dir))) {
            assertThat(first).isInstanceOf(EmbeddedEngine.class);
            assertThatThrownBy(() -> EngineSelector.open(EngineMode.EMBEDDED, at(dir)))
                    .hasMessageContaining("in use by another Drizzle engine").hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        EngineSelector.open(EngineMode.EMBEDDED, at(dir)).close();
    }

    @Test
    void autoPrefersARunningServiceAndForcedModesNameTheirSocket(@TempDir Path dir) throws Exception {
        EngineLocations where = at(dir);
        assertThatThrownBy(() -> EngineSelector.open(EngineMode.MACHINE, where))
                .hasMessageContaining("No machine Drizzle service answers on " + where.machineSocket());
        ServiceConfig config = ServiceConfig.defaults(ServiceMode.USER)
                .withPaths(dir.resolve("svc-store"), where.userSocket(), dir.resolve("etc"))
                .withSessions("none", null, Set.of());
        DrizzleService service = new DrizzleService(config, LocalEngineHost.factory());
        service.start();
        try (EngineClient auto = EngineSelector.open(EngineMode.AUTO, where)) {
            assertThat(auto).isInstanceOf(RemoteEngine.class);
            assertThatThrownBy(() -> EngineSelector.open(EngineMode.EMBEDDED, where))
                    .hasMessageContaining("per-user Drizzle service is running");
        } finally {
            service.stop();
        }
    }

    @Test
    void engineModeNamesABadValue() {
        assertThat(EngineMode.parse("embedded")).isEqualTo(EngineMode.EMBEDDED);
        assertThat(EngineMode.parse(null)).isEqualTo(EngineMode.AUTO);
        assertThatThrownBy(() -> EngineMode.parse("Cloud")).hasMessageContaining("'Cloud'");
    }

    @Test
    void anAsynchronousEmbeddedJobContinuesInADetachedServiceAfterTheHostCloses(@TempDir Path dir) throws Exception {
        EngineLocations where = at(dir);
        try (FaultServer http = FaultServer.start()) {
            http.resource("/slow.bin").generated(600_000).slow(300_000);
            Path dest = dir.resolve("slow.bin");
            String id;
            try (EngineClient host = EngineSelector.open(EngineMode.AUTO, where)) {
                JobInfo job = host.createJob("async", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
                host.addFile(job.id(), http.uri("/slow.bin").toString(), dest.toString(), null);
                host.resume(job.id());
                id = job.id().toString();
            }
            try (RemoteEngine service = RemoteEngine.connect(where.userSocket())) {
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        service.getJob(org.drizzle.engine.job.JobId.parse(id)).state() == JobState.TRANSFERRED);
                service.complete(org.drizzle.engine.job.JobId.parse(id));
                assertThat(dest).hasSize(600_000);
                service.stopService();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> !DetachedService.answers(where.userSocket()));
        }
    }
}
