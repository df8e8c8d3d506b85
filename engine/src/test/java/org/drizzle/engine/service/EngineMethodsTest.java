package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.drizzle.engine.api.EngineClient;
import org.junit.jupiter.api.Test;

/** The wire's method table is EngineClient itself: every method but close and subscribe, by parameter name. */
class EngineMethodsTest {

    @Test
    void everyEngineClientOperationIsAWireMethodWithItsParameterNames() {
        assertThat(EngineMethods.names()).isEqualTo(Arrays.stream(EngineClient.class.getMethods())
                .map(Method::getName).filter(n -> !n.equals("close") && !n.equals("subscribe"))
                .collect(Collectors.toSet()));
        assertThat(EngineMethods.byName("addFile").names()).containsExactly("id", "remoteName", "localName", "ranges");
        assertThat(EngineMethods.byName("listJobs").names()).containsExactly("allUsers");
    }
}
