package org.drizzle.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobInfo;
import org.junit.jupiter.api.Test;

/** Route and interface changes reach the scheduler as BG_E_NETWORK_DISCONNECTED and back. */
class LinkMonitorTest {

    private final FakeInterfaces os = new FakeInterfaces();
    private final LinkMonitor monitor = new LinkMonitor(os);
    private final NetworkRunCondition condition = new NetworkRunCondition(monitor);

    @Test
    void interfaceDownThenRouteGoneThenBackFiresEachChange() throws Exception {
        InetAddress server = InetAddress.getByName("10.123.0.1");
        os.routes.put(server, "vC");
        os.set("vC", 0, 0, true);
        AtomicInteger changes = new AtomicInteger();
        condition.onChange(changes::incrementAndGet);
        JobInfo job = JobSnapshots.job("http://10.123.0.1:8080/f.bin");

        assertThat(condition.check(job)).isNull();
        os.set("vC", 0, 0, false);
        monitor.poll();
        Blocker down = condition.check(job);
        assertThat(down.code()).isEqualTo(ErrorCodes.BG_E_NETWORK_DISCONNECTED);
        assertThat(down.showAsError()).isTrue();
        assertThat(down.reason()).contains("vC").contains("down");
        assertThat(ErrorCodes.isConditionWait(down.code())).isTrue();
        assertThat(changes).hasValue(1);

        os.routes.remove(server);
        monitor.poll();
        assertThat(condition.check(job).reason()).contains("no network route").contains("10.123.0.1");
        assertThat(changes).hasValue(2);
        monitor.poll();
        assertThat(changes).as("no change, no wake-up").hasValue(2);

        os.routes.put(server, "vC");
        os.set("vC", 0, 0, true);
        monitor.poll();
        assertThat(condition.check(job)).isNull();
        assertThat(changes).hasValue(3);
    }

    @Test
    void localFilesAndFinishedRemoteFilesNeedNoNetwork() {
        assertThat(condition.check(JobSnapshots.job("/srv/share/f.bin"))).isNull();
        assertThat(condition.check(JobSnapshots.job("file:///srv/f.bin"))).isNull();
        assertThat(NetworkRunCondition.hostOf("\\\\fileserver\\share\\f.bin")).isEqualTo("fileserver");
        assertThat(NetworkRunCondition.hostOf("C:\\data\\f.bin")).isNull();
        assertThat(NetworkRunCondition.hostOf("https://Example.test:8443/a?b")).isEqualTo("Example.test");
        assertThat(NetworkRunCondition.hostOf("http://[::1]/x")).isEqualTo("[::1]");
    }

    @Test
    void ipv6LiteralAndLoopbackAreCheckedAtOnce() throws Exception {
        os.routes.put(InetAddress.getByName("::1"), "lo");
        os.set("lo", 0, 0, true);
        assertThat(condition.check(JobSnapshots.job("http://[::1]:8080/x"))).isNull();
        assertThat(monitor.unreachable("10.9.9.9")).contains("no network route");
    }

}
