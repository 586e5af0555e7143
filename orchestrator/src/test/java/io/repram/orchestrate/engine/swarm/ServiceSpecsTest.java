package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.NodeEnv;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceSpec;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.docker.DockerLabels;
import io.repram.orchestrate.engine.docker.NodeContainerPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceSpecsTest {
    private static final ClusterSpec SPEC = new ClusterSpec("r1", "smoke", 3, "repram-node:latest",
            Map.of("REPRAM_REPLICATION_FACTOR", "3"), 0.5, 256L << 20, 0, Duration.ofSeconds(60));

    private ServiceSpec node(int index) {
        NodeContainerPlan plan = NodeContainerPlan.of(SPEC).get(index);
        return ServiceSpecs.node(SPEC, plan, "reg:5000/t/repram-node:latest", "repram-r1-net",
                ServiceSpecs.nodeLabels("sess", SPEC, index, true), null);
    }

    @Test
    void oneServicePerNodeNamedLikeTheDockerDriversContainers() {
        ServiceSpec s = node(2);
        assertEquals("repram-r1-node-2", s.getName());
        assertEquals(1, s.getMode().getReplicated().getReplicas());
        assertEquals("reg:5000/t/repram-node:latest", s.getTaskTemplate().getContainerSpec().getImage());
        assertEquals("repram-r1-net", s.getTaskTemplate().getNetworks().get(0).getTarget());
        assertEquals("repram-r1-net", ServiceSpecs.networkName("r1"));
    }

    @Test
    void envMatchesTheDockerDriverWithAddressIsServiceNameAndPeersNodeZero() {
        List<String> env0 = node(0).getTaskTemplate().getContainerSpec().getEnv();
        List<String> env2 = node(2).getTaskTemplate().getContainerSpec().getEnv();
        assertTrue(env0.contains("REPRAM_NODE_ID=node-0"), env0.toString());
        assertTrue(env0.contains("REPRAM_PEERS="), env0.toString());
        assertTrue(env2.contains("REPRAM_ADDRESS=repram-r1-node-2"), env2.toString());
        assertTrue(env2.contains("REPRAM_PEERS=repram-r1-node-0:8080"), env2.toString());
        assertTrue(env2.contains("REPRAM_NETWORK=private"), env2.toString());
        assertTrue(env2.contains("REPRAM_RATE_LIMIT=" + NodeEnv.UNLIMITED_RATE), env2.toString());
        assertTrue(env2.contains("REPRAM_REPLICATION_FACTOR=3"), "scenario env: " + env2);
    }

    @Test
    void labelsOnServiceAndTaskContainerCarryTheSession() {
        ServiceSpec s = node(1);
        for (Map<String, String> labels : List.of(s.getLabels(), s.getTaskTemplate().getContainerSpec().getLabels())) {
            assertEquals("sess", labels.get(DockerLabels.SESSION));
            assertEquals("r1", labels.get(DockerLabels.RUN));
            assertEquals("smoke", labels.get(DockerLabels.SCENARIO));
            assertEquals(DockerLabels.ROLE_NODE, labels.get(DockerLabels.ROLE));
            assertEquals("1", labels.get(DockerLabels.NODE_INDEX));
            assertEquals("true", labels.get(DockerLabels.REAPED));
        }
    }

    @Test
    void dnsRoundRobinNoRestartsAndResourcesAsLimitsAndReservations() {
        ServiceSpec s = node(0);
        assertEquals(EndpointResolutionMode.DNSRR, s.getEndpointSpec().getMode());
        assertNull(s.getEndpointSpec().getPorts(), "gateway mode publishes nothing through swarm");
        assertEquals(ServiceRestartCondition.NONE, s.getTaskTemplate().getRestartPolicy().getCondition());
        var res = s.getTaskTemplate().getResources();
        assertEquals(500_000_000L, res.getLimits().getNanoCPUs());
        assertEquals(256L << 20, res.getLimits().getMemoryBytes());
        assertEquals(500_000_000L, res.getReservations().getNanoCPUs());
        assertEquals(256L << 20, res.getReservations().getMemoryBytes());
    }

    @Test
    void withoutLimitsNoResourcesAreSet() {
        ClusterSpec unlimited = new ClusterSpec("r1", "s", 1, "img", Map.of(), null, null, 0, Duration.ofSeconds(5));
        ServiceSpec s = ServiceSpecs.node(unlimited, NodeContainerPlan.of(unlimited).get(0), "img", "n",
                ServiceSpecs.nodeLabels("x", unlimited, 0, false), null);
        assertNull(s.getTaskTemplate().getResources());
        assertFalse(s.getLabels().containsKey(DockerLabels.REAPED));
    }

    @Test
    void placementSpreadsOverSwarmNodesInTheJsonSentToTheEngine() throws Exception {
        // docker-java serialises with Jackson: the added Preferences field must reach the Engine API.
        JsonNode json = new ObjectMapper().valueToTree(node(0));
        JsonNode prefs = json.path("TaskTemplate").path("Placement").path("Preferences");
        assertEquals("node.id", prefs.path(0).path("Spread").path("SpreadDescriptor").asText(), json.toString());
        assertEquals("dnsrr", json.path("EndpointSpec").path("Mode").asText());
        assertEquals("none", json.path("TaskTemplate").path("RestartPolicy").path("Condition").asText());
    }

    @Test
    void agentServiceRunsTheAgentCommandReplicatedOnTheOverlay() {
        Map<String, String> labels = ServiceSpecs.labels("sess", "r1", "smoke", DockerLabels.ROLE_AGENT, true);
        ServiceSpec s = ServiceSpecs.agents(ServiceSpecs.agentServiceName("r1"), "repram-orchestrate:latest", "repram-r1-net",
                3, labels, 1.0, null);
        assertEquals("repram-r1-agent", s.getName());
        assertEquals(3, s.getMode().getReplicated().getReplicas());
        assertEquals(List.of("agent", "--port", "7070", "--bind", "0.0.0.0"),
                s.getTaskTemplate().getContainerSpec().getArgs());
        assertEquals(EndpointResolutionMode.DNSRR, s.getEndpointSpec().getMode());
        assertEquals(ServiceRestartCondition.NONE, s.getTaskTemplate().getRestartPolicy().getCondition());
        assertEquals(1_000_000_000L, s.getTaskTemplate().getResources().getLimits().getNanoCPUs());
        assertEquals("repram-r1-net", s.getTaskTemplate().getNetworks().get(0).getTarget());
        assertEquals(DockerLabels.ROLE_AGENT, s.getLabels().get(DockerLabels.ROLE));
        assertEquals("sess", s.getTaskTemplate().getContainerSpec().getLabels().get(DockerLabels.SESSION));
    }

    @Test
    void gatewayRoutesAndRegistryReferences() {
        assertEquals(List.of("9000=repram-r1-node-0:8080", "9001=repram-r1-node-1:8080"),
                ServiceSpecs.routes(List.of("repram-r1-node-0:8080", "repram-r1-node-1:8080"), 9000));
        assertEquals("reg:5000/team/repram-node:latest", SwarmImages.reference("reg:5000/team/", "repram-node:latest"));
        assertEquals("reg/repram-node:latest", SwarmImages.reference("reg", "old/repram-node"));
    }
}
