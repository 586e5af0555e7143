package io.repram.orchestrate.monitor;

import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.engine.docker.DockerEngine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Container stats of a cluster started by another process, from the Engine API's stats stream (the
 * daemon pushes about one frame a second). Goes through {@link DockerEngine#sampleStats} so that no
 * docker-java type leaves the engine package; the engine owns nothing here, so closing it removes nothing.
 */
public final class DockerStatsFeed implements StatsSource {
    /** A stream that stopped (container killed) leaves its last sample behind: older ones are not shown. */
    private static final long STALE_MILLIS = 5_000;

    private final DockerEngine engine;
    private final AutoCloseable streams;
    private final Map<Integer, Latest> latest = new ConcurrentHashMap<>();

    private DockerStatsFeed(DockerEngine engine, Cluster cluster) throws EngineException {
        this.engine = engine;
        this.streams = engine.sampleStats(cluster, this::accept);
    }

    /** Starts one stats stream per node of the cluster {@code clusterId} (the Docker run label). */
    public static DockerStatsFeed start(String clusterId, List<MonitorTarget> targets) throws EngineException {
        List<NodeEndpoint> nodes = targets.stream()
                .map(t -> new NodeEndpoint(t.index(), t.node(), "127.0.0.1", t.baseUri() == null ? 0 : t.baseUri().getPort()))
                .toList();
        // The spec only names the cluster: sampleStats reads its id and node indexes.
        ClusterSpec spec = new ClusterSpec(clusterId, "monitor", nodes.size(), "unknown", Map.of(), null, null, 0,
                Duration.ZERO);
        DockerEngine engine = new DockerEngine(new DockerEngine.Options(NodeJarLocation.defaultPath(),
                false, true, line -> { }));
        try {
            return new DockerStatsFeed(engine, new Cluster(clusterId, spec, nodes));
        } catch (EngineException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    private void accept(NodeStatsSample s) {
        // A stopped container's stream sends all-zero frames; a running one always reports a memory limit.
        if (s.memoryLimitBytes() <= 0) return;
        latest.compute(s.nodeIndex(), (k, before) -> {
            if (before == null || s.epochMillis() <= before.sample().epochMillis()) {
                return new Latest(s, Double.NaN, Double.NaN);
            }
            double seconds = (s.epochMillis() - before.sample().epochMillis()) / 1000.0;
            return new Latest(s, Math.max(0, s.netRxBytes() - before.sample().netRxBytes()) / seconds,
                    Math.max(0, s.netTxBytes() - before.sample().netTxBytes()) / seconds);
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
        try {
            streams.close();
        } catch (Exception ignored) {
            // the streams of removed containers are gone already
        }
        engine.close();
    }
}
