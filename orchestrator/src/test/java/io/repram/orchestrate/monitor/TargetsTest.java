package io.repram.orchestrate.monitor;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.docker.DockerAdmin;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetsTest {
    private static DockerAdmin.KeptCluster cluster(String id) {
        return new DockerAdmin.KeptCluster(id, "cluster-up", List.of(new DockerAdmin.KeptNode(0, "repram-" + id + "-node-0",
                "running", 8080)));
    }

    @Test
    void noClusterSaysHowToStartOneOrUseUrl() {
        MonitorException e = assertThrows(MonitorException.class, () -> Targets.choose(List.of(), null));
        assertEquals(Reason.ERROR, e.reason());
        assertTrue(e.getMessage().contains("cluster up --cluster-size 3"), e.getMessage());
        assertTrue(e.getMessage().contains("--url"), e.getMessage());
    }

    @Test
    void severalClustersNeedACluster() throws Exception {
        List<DockerAdmin.KeptCluster> two = List.of(cluster("a1"), cluster("b2"));
        MonitorException e = assertThrows(MonitorException.class, () -> Targets.choose(two, null));
        assertEquals(Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().contains("a1, b2") && e.getMessage().contains("--cluster a1"), e.getMessage());
        assertEquals("b2", Targets.choose(two, "b2").runId());
        MonitorException unknown = assertThrows(MonitorException.class, () -> Targets.choose(two, "zz"));
        assertTrue(unknown.getMessage().contains("No cluster 'zz'"), unknown.getMessage());
        assertEquals("a1", Targets.choose(List.of(cluster("a1")), null).runId());
    }

    @Test
    void urlsAreCheckedAndNamedByAddressWhenNodesDoNotAnswer() throws Exception {
        assertEquals("http://127.0.0.1:8080", Targets.parseUrl("127.0.0.1:8080").toString());
        assertEquals("http://localhost:80", Targets.parseUrl("http://localhost/").toString());
        MonitorException e = assertThrows(MonitorException.class, () -> Targets.parseUrl("ftp://x:1"));
        assertEquals(Reason.BAD_INPUT, e.reason());
        // Port 1 on loopback refuses at once: the node is named by its address.
        Targets.Resolved r = Targets.fromUrls(List.of("http://127.0.0.1:1", "http://127.0.0.1:1"), new NodeProbe());
        assertEquals("127.0.0.1:1", r.nodes().get(0).node());
        assertEquals("127.0.0.1:1@127.0.0.1:1", r.nodes().get(1).node());
    }
}
