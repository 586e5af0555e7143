package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.NodeEnv;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeContainerPlanTest {
    private static ClusterSpec spec(int size, Map<String, String> env) {
        return new ClusterSpec("r1", "quick", size, "repram-node:latest", env, null, null, 0, Duration.ofSeconds(30));
    }

    @Test
    void nodeZeroHasNoPeersAndEveryOtherNodeBootstrapsFromIt() {
        List<NodeContainerPlan> plans = NodeContainerPlan.of(spec(3, Map.of()));
        assertEquals(3, plans.size());
        NodeContainerPlan first = plans.get(0);
        assertEquals("repram-r1-node-0", first.containerName());
        assertEquals(Map.of("REPRAM_NODE_ID", "node-0", "REPRAM_ADDRESS", "repram-r1-node-0", "REPRAM_HTTP_PORT", "8080",
                "REPRAM_NETWORK", "private", "REPRAM_RATE_LIMIT", NodeEnv.UNLIMITED_RATE, "REPRAM_PEERS", ""), first.env());
        for (NodeContainerPlan p : plans.subList(1, 3)) {
            assertEquals("node-" + p.index(), p.nodeId());
            assertEquals("repram-r1-node-" + p.index(), p.env().get("REPRAM_ADDRESS"));
            assertEquals("repram-r1-node-0:8080", p.env().get("REPRAM_PEERS"));
        }
        assertTrue(plans.get(2).envList().contains("REPRAM_PEERS=repram-r1-node-0:8080"));
    }

    @Test
    void scenarioEnvGoesOnTopIncludingTheRateLimitAndPort() {
        List<NodeContainerPlan> plans = NodeContainerPlan.of(spec(2, Map.of("REPRAM_RATE_LIMIT", "100",
                "REPRAM_REPLICATION", "2", "REPRAM_HTTP_PORT", "9000")));
        NodeContainerPlan second = plans.get(1);
        assertEquals("100", second.env().get("REPRAM_RATE_LIMIT"));
        assertEquals("2", second.env().get("REPRAM_REPLICATION"));
        assertEquals(9000, second.httpPort());
        assertEquals("repram-r1-node-0:9000", second.env().get("REPRAM_PEERS"));
    }

    @Test
    void onTheHostEachNodeListensOnItsOwnLoopbackPortOnly() {
        List<NodeContainerPlan> plans = NodeContainerPlan.onHost(spec(3, Map.of("REPRAM_REPLICATION", "2")),
                List.of(18100, 18101, 18102));
        for (NodeContainerPlan p : plans) {
            assertEquals("127.0.0.1", p.env().get("REPRAM_ADDRESS"));
            // Never 0.0.0.0: on the host's network that would be every interface of the machine.
            assertEquals("127.0.0.1", p.env().get("REPRAM_BIND_ADDRESS"));
            assertEquals(Integer.toString(18100 + p.index()), p.env().get("REPRAM_HTTP_PORT"));
            assertEquals(18100 + p.index(), p.httpPort());
            assertEquals("2", p.env().get("REPRAM_REPLICATION"));
        }
        assertEquals("", plans.get(0).env().get("REPRAM_PEERS"));
        assertEquals("127.0.0.1:18100", plans.get(2).env().get("REPRAM_PEERS"));
        for (String key : List.of("REPRAM_HTTP_PORT", "REPRAM_ADDRESS", "REPRAM_BIND_ADDRESS")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NodeContainerPlan.onHost(spec(1, Map.of(key, "x")), List.of(18100)));
            assertTrue(e.getMessage().contains(key + " cannot be set with node.network host"), e.getMessage());
        }
    }

    @Test
    void hostNetworkingIsTheDefaultOnlyForOurImageOnALocalEngine() throws Exception {
        assertEquals(NetworkMode.HOST, NetworkChoice.resolve(null, "repram-node:latest", "Ubuntu 24.04.1 LTS"));
        assertEquals(NetworkMode.BRIDGE, NetworkChoice.resolve(null, "ghcr.io/upstream/repram:1", "Ubuntu 24.04.1 LTS"),
                "an image we do not know may listen on 0.0.0.0");
        assertEquals(NetworkMode.BRIDGE, NetworkChoice.resolve(null, "repram-node:latest", "Docker Desktop"));
        assertEquals(NetworkMode.BRIDGE, NetworkChoice.resolve(NetworkMode.BRIDGE, "repram-node:latest", "Ubuntu"));
        assertEquals(NetworkMode.HOST, NetworkChoice.resolve(NetworkMode.HOST, "other:1", "Ubuntu"), "asked for: granted");
        EngineException e = assertThrows(EngineException.class,
                () -> NetworkChoice.resolve(NetworkMode.HOST, "repram-node:latest", "Docker Desktop"));
        assertEquals(Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().contains("Docker Desktop"), e.getMessage());
    }

    @Test
    void runIdsThatDockerCannotNameAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NodeContainerPlan.requireValidRunId("bad id"));
        assertThrows(IllegalArgumentException.class, () -> NodeContainerPlan.requireValidRunId("-x"));
        assertThrows(IllegalArgumentException.class, () -> NodeContainerPlan.of(
                new ClusterSpec("a/b", "s", 1, "img", Map.of(), null, null, 0, Duration.ofSeconds(1))));
        NodeContainerPlan.requireValidRunId("scale_20260101-1.a");
        assertEquals("repram-x-net", NodeContainerPlan.networkName("x"));
    }

    @Test
    void labelsNameSessionRunScenarioAndRole() {
        Map<String, String> node = DockerLabels.node("s-1", "r1", "quick", 3, false);
        assertEquals("s-1", node.get("io.repram.orchestrate.session"));
        assertEquals("r1", node.get("io.repram.orchestrate.run"));
        assertEquals("quick", node.get("io.repram.orchestrate.scenario"));
        assertEquals("node", node.get("io.repram.orchestrate.role"));
        assertEquals("3", node.get("io.repram.orchestrate.node-index"));
        assertFalse(node.containsKey(DockerLabels.KEEP));

        Map<String, String> net = DockerLabels.network("s-1", "r1", "", true);
        assertEquals("network", net.get("io.repram.orchestrate.role"));
        assertEquals("adhoc", net.get("io.repram.orchestrate.scenario"));
        assertEquals("true", net.get(DockerLabels.KEEP));
        assertEquals("io.repram.orchestrate.run=r1", DockerLabels.filter(DockerLabels.RUN, "r1"));
    }
}
