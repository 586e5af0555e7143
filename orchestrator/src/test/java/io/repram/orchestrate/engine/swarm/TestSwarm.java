package io.repram.orchestrate.engine.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.SwarmSpec;
import io.repram.orchestrate.engine.docker.DockerConnection;
import io.repram.orchestrate.engine.docker.DockerLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A single-node swarm for the docker-tagged swarm tests: initialised on 127.0.0.1 when the Engine
 * is in none, and left again only by whoever initialised it.
 */
public final class TestSwarm implements AutoCloseable {
    private final DockerClient docker;
    private final boolean created;

    private TestSwarm(DockerClient docker, boolean created) {
        this.docker = docker;
        this.created = created;
    }

    public static TestSwarm ensure() throws Exception {
        DockerClient docker = DockerConnection.open();
        var swarm = docker.infoCmd().exec().getSwarm();
        if (swarm != null && swarm.getLocalNodeState() == LocalNodeState.ACTIVE) return new TestSwarm(docker, false);
        docker.initializeSwarmCmd(new SwarmSpec()).withAdvertiseAddr("127.0.0.1").withListenAddr("127.0.0.1:2377").exec();
        return new TestSwarm(docker, true);
    }

    public DockerClient docker() {
        return docker;
    }

    /** Every service, container and network still carrying the label filter, e.g. "…session=x". */
    public List<String> leftovers(String labelFilter) {
        List<String> left = new ArrayList<>();
        Map<String, String> asMap = DockerLabels.filterMap(List.of(labelFilter));
        docker.listServicesCmd().withLabelFilter(asMap).exec().forEach(s -> left.add("service " + s.getSpec().getName()));
        docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(labelFilter)).exec()
                .forEach(c -> left.add("container " + String.join(",", c.getNames())));
        docker.listNetworksCmd().withFilter("label", List.of(labelFilter)).exec().forEach(n -> left.add("network " + n.getName()));
        return left;
    }

    /** Polls {@link #leftovers} until empty or the timeout; returns what is left. */
    public List<String> awaitNoLeftovers(String labelFilter, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<String> left = leftovers(labelFilter);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            left = leftovers(labelFilter);
        }
        return left;
    }

    @Override
    public void close() {
        try {
            if (created) docker.leaveSwarmCmd().withForceEnabled(true).exec();
        } finally {
            DockerConnection.closeQuietly(docker);
        }
    }
}
