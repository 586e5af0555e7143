package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeEnv;
import io.repram.orchestrate.engine.RateLimitedNodeJar;
import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.RunningCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any REPRAM image unchanged: a stand-in node with upstream's limiter (0 = zero requests/s) runs
 * under the process driver, which needs no Docker.
 */
class ProcessEngineRateLimitTest {
    @TempDir
    Path dir;

    private static ClusterSpec spec(Map<String, String> env, Duration healthTimeout) {
        return new ClusterSpec("ratelimit", "rate-limit", 1, "process", env, null, 64L << 20, 0, healthTimeout);
    }

    @Test
    void aNodeWhoseLimiterRefusesTheToolIsNamedWithItsStatusAndTheFix() throws Exception {
        try (ProcessEngine engine = new ProcessEngine(RateLimitedNodeJar.write(dir))) {
            EngineException e = assertThrows(EngineException.class,
                    () -> engine.start(spec(Map.of(NodeEnv.RATE_LIMIT, "0"), Duration.ofSeconds(3))));
            assertEquals(Reason.NODE_UNHEALTHY, e.reason());
            assertTrue(e.getMessage().contains("node-0"), e.getMessage());
            assertTrue(e.getMessage().contains("answered /v1/health with 429 Too Many Requests"), e.getMessage());
            assertTrue(e.getMessage().contains("Fix: set REPRAM_RATE_LIMIT high in node.env"), e.getMessage());
            assertFalse(e.getMessage().contains("did not answer"), e.getMessage());
        }
    }

    @Test
    void theRateTheEnginePassesLetsAnUpstreamStyleLimiterServeALoadTest() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (ProcessEngine engine = new ProcessEngine(RateLimitedNodeJar.write(dir));
             RunningCluster cluster = engine.start(spec(Map.of(), Duration.ofSeconds(30)))) {
            URI health = cluster.nodes().get(0).baseUri().resolve("/v1/health");
            // Upstream's default of 100/s (burst 200) would refuse most of these.
            for (int i = 0; i < 500; i++) {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding());
                assertEquals(200, r.statusCode(), "request " + i);
            }
        }
    }
}
