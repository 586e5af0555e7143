package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.EngineContract;
import io.repram.orchestrate.engine.RunningCluster;
import io.repram.orchestrate.engine.Await;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeStatsSample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract over the bridge network; {@link DockerHostEngineContractTest} runs it over the host's. */
@Tag("docker")
class DockerEngineContractTest extends EngineContract {
    private DockerClient docker;

    @Override
    protected ClusterSpec spec(String runId) {
        return super.spec(runId).withPlacement(NetworkMode.BRIDGE, List.of());
    }

    @Override
    protected boolean nodesHaveNetworkCounters() {
        return true;
    }

    @Override
    protected Engine newEngine() throws Exception {
        docker = DockerConnection.open();
        return new DockerEngine(new DockerEngine.Options(DockerEngineTest.nodeJar(), false, false, System.out::println));
    }

    @Override
    protected String image() {
        return ImageBuilder.DEFAULT_TAG;
    }

    /** Containers (the reaper's too) and networks with the session's label. */
    @Override
    protected Supplier<List<String>> leftovers(Engine engine, RunningCluster cluster) {
        String session = DockerLabels.filter(DockerLabels.SESSION, ((DockerEngine) engine).sessionId());
        return () -> {
            List<String> left = new ArrayList<>();
            docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(session)).exec()
                    .forEach(c -> left.add("container " + String.join(",", c.getNames())));
            docker.listNetworksCmd().withFilter("label", List.of(session)).exec().forEach(n -> left.add("network " + n.getName()));
            return left;
        };
    }

    /** monitor's reader: stats of a cluster it did not start, on a client without a session. */
    @Test
    @Order(2)
    void theSessionFreeStatsReaderSeesEveryNode() throws EngineException {
        List<NodeStatsSample> samples = new CopyOnWriteArrayList<>();
        try (DockerStats stats = DockerStats.open(cluster().id(), cluster().nodes(), samples::add)) {
            assertTrue(Await.until(Duration.ofSeconds(15),
                    () -> samples.stream().map(NodeStatsSample::nodeIndex).distinct().count() == SIZE), "samples: " + samples);
        }
    }

    @AfterAll
    void closeClient() {
        DockerConnection.closeQuietly(docker);
    }
}
