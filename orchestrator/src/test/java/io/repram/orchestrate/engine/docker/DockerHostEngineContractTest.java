package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.NetworkMode;
import org.junit.jupiter.api.Tag;

import java.util.List;

/** The engine contract with every node on the host's network, each on its own 127.0.0.1 port. */
@Tag("docker")
class DockerHostEngineContractTest extends DockerEngineContractTest {
    @Override
    protected ClusterSpec spec(String runId) {
        return super.spec(runId).withPlacement(NetworkMode.HOST, List.of());
    }

    @Override
    protected boolean nodesHaveNetworkCounters() {
        return false;
    }
}
