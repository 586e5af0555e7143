package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeStatsSample;

import java.util.List;
import java.util.function.Consumer;

/**
 * Stats of a cluster some other process started, on a client of its own: no session, no sweep, no
 * reaper, nothing created, so closing it removes nothing. For {@code monitor}.
 */
public final class DockerStats implements AutoCloseable {
    private final DockerClient docker;
    private final StatsStreams streams;

    private DockerStats(DockerClient docker, StatsStreams streams) {
        this.docker = docker;
        this.streams = streams;
    }

    /** Starts one stats stream per node of the cluster {@code clusterId} (the Docker run label). */
    public static DockerStats open(String clusterId, List<NodeEndpoint> nodes, Consumer<NodeStatsSample> sink)
            throws EngineException {
        DockerClient docker = DockerConnection.open();
        try {
            return new DockerStats(docker, DockerCluster.streams(docker, clusterId, nodes, sink));
        } catch (RuntimeException e) {
            DockerConnection.closeQuietly(docker);
            throw DockerConnection.failed("Starting the stats streams of " + clusterId, e);
        }
    }

    @Override
    public void close() {
        streams.close();
        DockerConnection.closeQuietly(docker);
    }
}
