package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.load.AcknowledgedWrites;
import io.repram.orchestrate.results.AuditFigures;
import io.repram.orchestrate.results.ConvergenceFigures;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.FaultSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What runs beside a cell's load: the scenario's faults and the convergence probe during the
 * measured window, then the acknowledged-write audit and the repair of the cluster after it.
 */
final class CellChecks implements AutoCloseable {

    /** Everything the checks found; {@code restore.problem()} set means the cluster must be restarted. */
    record Outcome(List<FaultEvent> faults, ConvergenceFigures convergence, AuditFigures audit,
                   long nodesDownAtEnd, ClusterRestorer.Result restore) {
    }

    /** A cell's status and why. */
    record Verdict(String status, String reason) {
    }

    private final ClusterSession session;
    private final Cluster cluster;
    private final NodeWatcher watcher;
    private final Cell cell;
    private final long windowStartNanos;
    private final NodeImpairments impairments = new NodeImpairments();
    private final FaultScheduler faults;
    private final ConvergenceProbe probe;

    /**
     * Schedules the faults and starts the probe; both begin at {@code windowStartNanos}.
     *
     * @param events receives a line per applied fault, from the fault thread
     */
    CellChecks(ClusterSession session, List<FaultSpec> faultSpecs, Cell cell, long windowStartNanos,
               Consumer<String> events) {
        this.session = session;
        this.cluster = session.cluster();
        this.watcher = session.watcher();
        this.cell = cell;
        this.windowStartNanos = windowStartNanos;
        this.faults = faultSpecs.isEmpty() ? null : new FaultScheduler(session.running(), faultSpecs, windowStartNanos,
                new SplittableRandom(cell.index() + 1L), impairments, events);
        this.probe = cluster.size() < 2 ? null
                : new ConvergenceProbe(cluster.nodes(), impairments, session.probeKeys(), windowStartNanos);
    }

    /**
     * Call once the load has stopped: stops faults and probe, audits {@code acknowledged} (null: no
     * audit) on every node, then repairs the cluster.
     */
    Outcome finish(AcknowledgedWrites acknowledged, ClusterRestorer restorer) throws InterruptedException {
        if (faults != null) faults.close();
        ConvergenceFigures convergence = probe == null ? null : probe.finish();
        // Every node, a faulted one too: what it misses is reported next to its faults, not left out.
        Map<Integer, List<String>> faultsByNode = new TreeMap<>();
        for (FaultEvent f : faults == null ? List.<FaultEvent>of() : faults.timeline()) {
            faultsByNode.computeIfAbsent(f.nodeIndex(), n -> new ArrayList<>()).add(f.describe());
        }
        AuditFigures audit = acknowledged == null ? null
                : new WriteAudit().audit(acknowledged, cluster.nodes(), faultsByNode, cell.index());
        long down = cluster.nodes().stream().filter(n -> !watcher.status(n.index()).up()).count();
        ClusterRestorer.Result restore = restorer.restore(session.running(), impairments, windowStartNanos,
                down > 0 || impairments.anyTouched());
        List<FaultEvent> timeline = new ArrayList<>(faults == null ? List.of() : faults.timeline());
        timeline.addAll(restore.events());
        return new Outcome(timeline, convergence, audit, down, restore);
    }

    /** The status of a finished cell from what the checks found. */
    static Verdict verdict(boolean skipped, Outcome o) {
        if (skipped) return new Verdict("skipped", "skipped by the user");
        List<String> reasons = new ArrayList<>();
        List<String> applied = o.faults().stream().filter(f -> FaultEvent.SCENARIO.equals(f.origin()))
                .map(FaultEvent::describe).toList();
        if (!applied.isEmpty()) reasons.add("faults: " + String.join(", ", applied));
        if (o.nodesDownAtEnd() > 0) reasons.add(o.nodesDownAtEnd() + " node(s) not answering at the end");
        AuditFigures a = o.audit();
        if (a != null && (a.lostWrites() > 0 || a.corruptReads() > 0)) {
            reasons.add(a.lostWrites() + " lost write(s) of " + a.checkedKeys() + " acknowledged key(s), "
                    + a.corruptReads() + " corrupt read(s) of " + a.reads() + " compared");
        }
        if (a != null && a.missingReplicasTotal() > 0) {
            reasons.add(a.missingReplicasTotal() + " missing replica(s) ("
                    + String.join(", ", a.missingReplicas().stream().filter(m -> m.missing() > 0)
                    .map(m -> "node " + m.node() + ": " + m.missing()).toList()) + ")");
        }
        if (!o.restore().ok()) reasons.add(o.restore().problem() + " (a next cell gets a fresh cluster)");
        return reasons.isEmpty() ? new Verdict("ok", "") : new Verdict("degraded", String.join("; ", reasons));
    }

    /** Stops faults and probe without results (the run was quit or failed). */
    @Override
    public void close() {
        if (faults != null) faults.close();
        if (probe != null) probe.close();
    }
}
