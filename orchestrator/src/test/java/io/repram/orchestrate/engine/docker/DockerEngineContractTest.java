package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineContract;
import io.repram.orchestrate.engine.RunningCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

@Tag("docker")
class DockerEngineContractTest extends EngineContract {
    private DockerClient docker;

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

    @AfterAll
    void closeClient() {
        DockerConnection.closeQuietly(docker);
    }
}
