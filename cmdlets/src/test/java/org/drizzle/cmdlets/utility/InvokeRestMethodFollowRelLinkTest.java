package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invoke-RestMethod -FollowRelLink / -MaximumFollowRelLink over a paginated loopback API. */
class InvokeRestMethodFollowRelLinkTest {
    private HttpServer api;
    private final List<String> requested = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:";
        page("/items", "[1,2]", "</items?page=2>; rel=\"next\", </items?page=3>; rel=\"last\"");
        api.start();
        // the second page names the third by its absolute address, after another relation
        page("/items2", "[3]", "<" + base + api.getAddress().getPort() + "/items3>; rel=\"prev first\", <"
                + base + api.getAddress().getPort() + "/items3>; rel=\"next\"");
        page("/items3", "[4]", null);
    }

    private void page(String path, String json, String link) {
        api.createContext(path, x -> {
            synchronized (requested) {
                requested.add(x.getRequestURI().toString());
            }
            String q = x.getRequestURI().getQuery();
            if (q != null && q.equals("page=2")) {
                x.getResponseHeaders().add("Location", "/items2");
                x.sendResponseHeaders(302, -1);
                x.close();
                return;
            }
            byte[] out = json.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            if (link != null) {
                x.getResponseHeaders().add("Link", link);
            }
            x.sendResponseHeaders(200, out.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(out);
            }
        });
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    private String uri() {
        return "http://127.0.0.1:" + api.getAddress().getPort() + "/items";
    }

    @Test
    void followsNextUntilThereIsNone() {
        TestHost host = new TestHost(Path.of("."), null);
        assertThat(host.run(cmd("Invoke-RestMethod", uri()))).containsExactly(1, 2);
        assertThat(host.run(cmd("Invoke-RestMethod", uri(), sw("FollowRelLink")))).containsExactly(1, 2, 3, 4);
        assertThat(requested).containsExactly("/items", "/items", "/items?page=2", "/items2", "/items3");
    }

    @Test
    void maximumFollowRelLinkCountsThePages() {
        TestHost host = new TestHost(Path.of("."), null);
        assertThat(host.run(cmd("Invoke-RestMethod", uri(), sw("FL"), p("ML", 2)))).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> host.run(cmd("Invoke-RestMethod", uri(), sw("FollowRelLink"), p("MaximumFollowRelLink", 0))))
                .hasMessageContaining("The 0 argument is less than the minimum allowed range of 1");
    }
}
