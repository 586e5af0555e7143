package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.RunningCluster;
import io.repram.orchestrate.results.FaultEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Undoes what a cell's faults left behind (start killed nodes, unpause, reconnect) and waits until
 * the cluster is whole again, so the next cell measures a healthy cluster, not the last one's damage.
 */
final class ClusterRestorer {

    /** What restoring did; {@code problem} is null when the cluster is whole again. */
    record Result(List<FaultEvent> events, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private final NodeProbe probe = new NodeProbe();
    private final Duration readyTimeout;

    ClusterRestorer(Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
    }

    /**
     * @param windowStartNanos the cell's measured-window start, for the events' offsets
     * @param mustCheck        also wait for readiness when nothing was restored (a node went down
     *                         without a fault, or a fault touched a node and its state is unknown)
     */
    Result restore(RunningCluster cluster, NodeImpairments impairments, long windowStartNanos, boolean mustCheck) {
        List<FaultEvent> events = new ArrayList<>();
        String problem = null;
        for (NodeImpairments.Restoration r : impairments.restorations()) {
            long offset = (System.nanoTime() - windowStartNanos) / 1_000_000;
            try {
                cluster.fault(r.nodeIndex(), r.action());
                impairments.applied(r.nodeIndex(), r.action());
                events.add(new FaultEvent(offset, FaultTargets.name(r.action()), r.nodeIndex(), FaultEvent.RESTORE, true, null));
            } catch (EngineException | RuntimeException e) {
                events.add(new FaultEvent(offset, FaultTargets.name(r.action()), r.nodeIndex(), FaultEvent.RESTORE, false,
                        String.valueOf(e.getMessage())));
                if (problem == null) problem = "could not " + FaultTargets.name(r.action()) + " node " + r.nodeIndex()
                        + ": " + e.getMessage();
            }
        }
        if (problem == null && (mustCheck || !events.isEmpty())) {
            try {
                probe.awaitClusterReady(cluster.nodes(), readyTimeout, i -> cluster.logs(i, 20));
            } catch (EngineException e) {
                problem = "the cluster did not become whole again: " + firstLine(e.getMessage());
            }
        }
        return new Result(events, problem);
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
