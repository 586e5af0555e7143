package io.repram.orchestrate.load.agent;

import io.repram.node.NodeConfig;
import io.repram.node.RepramNode;
import io.repram.orchestrate.engine.AgentEndpoint;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.load.AcknowledgedWrites;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.results.AgentShare;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.scenario.Workload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two local agent processes against an in-process node: merged figures, shares, writes, no leftovers. */
class DistributedLoadTest {

    private RepramNode node;

    @AfterEach
    void stopNode() {
        if (node != null) node.close();
    }

    @Test
    void twoLocalAgentsMergeIntoTheFiguresOfOneLoad() throws Exception {
        node = RepramNode.start(NodeConfig.fromEnv(Map.of("REPRAM_HTTP_PORT", "0", "REPRAM_NODE_ID", "n0",
                "REPRAM_ADDRESS", "127.0.0.1", "REPRAM_NETWORK", "private", "REPRAM_RATE_LIMIT", "0",
                "REPRAM_REPLICATION", "1")));
        Cluster cluster = new Cluster("agents-test", null, List.of(new NodeEndpoint(0, "n0", "127.0.0.1", node.httpPort())));
        LoadSpec spec = LoadSpec.of(List.of(cluster.nodes().get(0).baseUri()),
                new Workload(60, 300, 2000, null, Workload.Targets.ALL), 5, 128, Duration.ofMillis(500), Duration.ofSeconds(2),
                Duration.ofSeconds(2), 11);
        List<Long> pids;
        List<IntervalFigures> live = new ArrayList<>();
        try (LocalAgentLauncher launcher = new LocalAgentLauncher()) {
            List<AgentEndpoint> agents = launcher.start(cluster, 2, Duration.ofSeconds(60));
            pids = launcher.pids();
            assertEquals(2, agents.size());
            assertTrue(agents.get(0).placement().startsWith("local process "), agents.get(0).placement());

            LoadFigures merged;
            List<AgentWire.Result> own;
            AcknowledgedWrites writes;
            List<AgentShare> shares;
            try (DistributedLoad load = new DistributedLoad(agents, spec, 1)) {
                merged = load.run(live::add);
                own = load.agentResults();
                writes = load.acknowledgedWrites();
                shares = load.shares();
            }
            assertTrue(merged.requests() > 50, "some load was generated: " + merged);
            assertEquals(merged.requests(), merged.successes(), "a healthy node answers everything: " + merged.errorsByClass());
            // The orchestrator's merge of the intervals equals the sum of what each agent counted itself.
            assertEquals(own.stream().mapToLong(r -> r.figures().requests()).sum(), merged.requests());
            assertEquals(own.stream().mapToLong(r -> r.figures().puts()).sum(), merged.puts());
            assertEquals(own.stream().mapToLong(r -> r.figures().gets()).sum(), merged.gets());
            assertEquals(own.stream().mapToLong(r -> r.figures().all().count()).sum(), merged.all().count());
            assertEquals(own.stream().mapToLong(r -> r.figures().all().maxNanos()).max().orElseThrow(),
                    merged.all().maxNanos());
            assertTrue(merged.elapsedSeconds() >= 1.9 && merged.elapsedSeconds() < 3, "window " + merged.elapsedSeconds());

            assertEquals(2, shares.size());
            assertEquals(100.0, shares.stream().mapToDouble(AgentShare::sharePercent).sum(), 1e-6);
            assertEquals(List.of(3, 2), shares.stream().map(AgentShare::concurrency).toList());
            assertEquals(merged.requests(), shares.stream().mapToLong(AgentShare::requests).sum());
            assertTrue(shares.stream().allMatch(s -> s.requests() > 0 && s.avgCpuPercent() > 0), shares.toString());

            assertTrue(live.stream().anyMatch(IntervalFigures::warmup) && live.stream().anyMatch(i -> !i.warmup()));
            assertEquals(merged.requests(), live.stream().filter(i -> !i.warmup()).mapToLong(IntervalFigures::requests).sum());

            // Both agents' writes come back, from disjoint key ranges, with payloads the node really stored.
            assertFalse(writes.writes().isEmpty());
            Set<Boolean> halves = writes.writes().stream().map(w -> Integer.parseInt(w.key().substring(3)) < 1000)
                    .collect(Collectors.toSet());
            assertEquals(Set.of(true, false), halves, "keys of both agents' ranges");
            AcknowledgedWrites.Write w = writes.writes().get(writes.writes().size() / 2);
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(cluster.nodes().get(0).baseUri() + "/v1/data/" + w.key())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().length == 128);
            assertArrayEquals(writes.payload(w.payloadIndex()), r.body());
        }
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "agent " + pid + " is left over");
        }
    }
}
