package io.repram.orchestrate.monitor;

import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.engine.docker.DockerStats;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Container stats of a cluster started by another process, from the Engine API's stats stream (the
 * daemon pushes about one frame a second). Reads through {@link DockerStats}, which opens no session
 * (no sweep, no reaper) and creates nothing, so closing it removes nothing; no docker-java type
 * leaves the engine package.
 */
public final class DockerStatsFeed implements StatsSource {
    /** A stream that stopped (container killed) leaves its last sample behind: older ones are not shown. */
    private static final long STALE_MILLIS = 5_000;

    private final Map<Integer, Latest> latest = new ConcurrentHashMap<>();
    private DockerStats streams;

    private DockerStatsFeed() {
    }

    /** Starts one stats stream per node of the cluster {@code clusterId} (the Docker run label). */
    public static DockerStatsFeed start(String clusterId, List<MonitorTarget> targets) throws EngineException {
        List<NodeEndpoint> nodes = targets.stream()
                .map(t -> new NodeEndpoint(t.index(), t.node(), "127.0.0.1", t.baseUri() == null ? 0 : t.baseUri().getPort()))
                .toList();
        DockerStatsFeed feed = new DockerStatsFeed();
        feed.streams = DockerStats.open(clusterId, nodes, feed::accept);
        return feed;
    }

    private void accept(NodeStatsSample s) {
        // A stopped container's stream sends all-zero frames; a running one always reports a memory limit.
        if (s.memoryLimitBytes() <= 0) return;
        latest.compute(s.nodeIndex(), (k, before) -> {
            if (before == null || s.epochMillis() <= before.sample().epochMillis()) {
                return new Latest(s, Double.NaN, Double.NaN);
            }
            double[] rates = s.netRatesSince(before.sample());
            return new Latest(s, rates[0], rates[1]);
        });
    }

    @Override
    public Latest latest(int nodeIndex) {
        Latest l = latest.get(nodeIndex);
        if (l == null || System.currentTimeMillis() - l.sample().epochMillis() > STALE_MILLIS) return null;
        return l;
    }

    @Override
    public void close() {
        streams.close();
    }
}
