package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;
import io.repram.orchestrate.engine.NodeStatsSample;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One Engine API stats stream per container; the daemon pushes a frame about once a second, each
 * carrying the previous frame's CPU counters so CPU % needs no state here.
 */
final class StatsStreams implements AutoCloseable {
    private final List<Closeable> streams = new ArrayList<>();

    /** Starts a stream for each container name; the index in the list is the node index. */
    StatsStreams(DockerClient docker, List<String> containerNames, List<String> nodeIds, Consumer<NodeStatsSample> sink) {
        for (int i = 0; i < containerNames.size(); i++) {
            int index = i;
            String nodeId = nodeIds.get(i);
            ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Statistics stats) {
                    // A frame without a read time is the daemon's "container not running" filler.
                    if (stats == null || stats.getCpuStats() == null) return;
                    sink.accept(ContainerStats.toSample(System.currentTimeMillis(), index, nodeId, stats));
                }

                @Override
                public void onError(Throwable t) {
                    // The stream of a killed or removed container ends with an error: not the caller's problem.
                    try {
                        close();
                    } catch (IOException ignored) {
                        // already closing
                    }
                }
            };
            streams.add(docker.statsCmd(containerNames.get(i)).withNoStream(false).exec(callback));
        }
    }

    @Override
    public void close() {
        for (Closeable c : streams) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // a stream that is already gone is closed enough
            }
        }
        streams.clear();
    }
}
