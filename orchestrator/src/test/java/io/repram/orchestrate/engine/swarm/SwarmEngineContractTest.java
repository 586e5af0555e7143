package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineContract;
import io.repram.orchestrate.engine.RunningCluster;
import io.repram.orchestrate.engine.docker.DockerLabels;
import io.repram.orchestrate.engine.docker.ImageBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

@Tag("docker")
class SwarmEngineContractTest extends EngineContract {
    private TestSwarm swarm;

    @Override
    protected Engine newEngine() throws Exception {
        swarm = TestSwarm.ensure();
        return new SwarmEngine(new SwarmEngine.Options(Path.of(System.getProperty("repram.node.jar")), null,
                System.out::println));
    }

    @Override
    protected String image() {
        return ImageBuilder.DEFAULT_TAG;
    }

    /** A one-machine swarm: every task container is local, sampled by docker stats on its overlay network. */
    @Override
    protected boolean nodesHaveNetworkCounters() {
        return true;
    }

    /** Services, containers (gateway, reaper) and networks with the session's label. */
    @Override
    protected Supplier<List<String>> leftovers(Engine engine, RunningCluster cluster) {
        String session = DockerLabels.SESSION + "=" + ((SwarmEngine) engine).sessionId();
        return () -> swarm.leftovers(session);
    }

    /** A swarm removes a service's task containers and overlay network asynchronously. */
    @Override
    protected Duration cleanupWithin() {
        return Duration.ofSeconds(20);
    }

    @AfterAll
    void leave() {
        if (swarm != null) swarm.close();
    }
}
