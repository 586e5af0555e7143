package io.repram.orchestrate.run;

import io.repram.orchestrate.analysis.LimitAttribution;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.load.AcknowledgedWrites;
import io.repram.orchestrate.load.CellLoad;
import io.repram.orchestrate.load.GeneratorCpu;
import io.repram.orchestrate.load.LoadGenerator;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.load.agent.DistributedLoad;
import io.repram.orchestrate.results.AgentShare;
import io.repram.orchestrate.results.CellLimit;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.results.LimitEvidence;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.Measurement;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.Workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Measures one trial of a cell, or one search probe: an optional warm-up until stable, the load with
 * its live snapshots, the cell's checks (faults, convergence, audit), the limit verdict and the
 * trial's figures. It also keeps the run's progress (which cell of how many, since when) that the
 * live snapshots show. Used from the runner's thread only; the load's per-interval callback runs on
 * that thread as well, so nothing here is shared.
 */
final class CellMeasure {

    private final RunPlan plan;
    private final RunListener listener;
    private final RunControl control;
    private final Runner.Options options;
    private final StatsTracker stats;
    private final NodeProbe probe;
    private final ClusterRestorer restorer;
    /** The last finished cell per cluster size and payload: the previous step a limit verdict compares with. */
    private final Map<String, CellResult> previousStep = new HashMap<>();
    /** Open loop (a search's probes, a fixed-rate cell): per cluster size and payload, the finished cells by offered rate. */
    private final Map<String, TreeMap<Double, CellResult>> lowerRates = new HashMap<>();
    private long runStartNanos;
    private int position;
    /** When the current cell's first trial (or its search) began: progress counts all its trials or probes. */
    private long unitStartNanos;

    CellMeasure(RunPlan plan, RunListener listener, RunControl control, Runner.Options options, StatsTracker stats,
                NodeProbe probe, ClusterRestorer restorer) {
        this.plan = plan;
        this.listener = listener;
        this.control = control;
        this.options = options;
        this.stats = stats;
        this.probe = probe;
        this.restorer = restorer;
    }

    void runStarted() {
        runStartNanos = System.nanoTime();
    }

    /** The next cell of the plan begins (its first trial, or its search). */
    void cellStarted(Cell cell) {
        unitStartNanos = System.nanoTime();
        position++;
        listener.cellStarted(cell, position, plan.totalCells());
    }

    /**
     * Runs one trial of the load of a cell (or one search probe) as {@code s} describes it; null when
     * the run was quit.
     */
    CellRun measure(ClusterSession session, Cell cell, Scenario s, int trial) throws InterruptedException {
        Measurement m = s.measurement();
        Cluster cluster = session.cluster();
        long started = System.currentTimeMillis();
        long cellStartNanos = System.nanoTime();
        List<java.net.URI> targets = cluster.nodes().stream().map(NodeEndpoint::baseUri).toList();
        LoadSpec spec = LoadSpec.of(targets, s.workload(), cell.concurrency(), cell.payloadBytes(), s.warmup(),
                s.duration(), options.requestTimeout(), cell.index());
        NodeLoadTally idle = new NodeLoadTally(spec.targets().size(), spec.sentNodes());
        long gentleMillis = 0;
        if (GentleStart.applies(session.gentlyStarted(), session.agents().size(), spec, s.warmup())) {
            gentleMillis = gentleStart(session, cell, spec, s.warmup(), cellStartNanos, idle);
            if (control.quitRequested()) return null;
            Duration left = s.warmup().minusMillis(gentleMillis);
            spec = LoadSpec.of(targets, s.workload(), cell.concurrency(), cell.payloadBytes(),
                    left.isNegative() ? Duration.ZERO : left, s.duration(), options.requestTimeout(), cell.index());
        }
        WarmupPhase.Outcome warmed = null;
        if (m.warmupUntilStable()) {
            try (JitWatch jit = JitWatch.start(cluster.nodes(), probe)) {
                warmed = WarmupPhase.run(session, spec, spec.warmup(), control, jit, iv -> listener.live(
                        snapshot(cluster, cell, iv, cellStartNanos, new long[2], session.watcher(), idle)));
            }
            if (control.quitRequested()) return null;
            warmed = warmed.after(gentleMillis);
            listener.event(String.format("Warm-up of %s %s after %.0f s (%s)", cell.id(),
                    warmed.hitMax() ? "reached its limit, not yet steady," : "stable", warmed.warmupMillis() / 1e3,
                    warmed.jit()));
            spec = LoadSpec.of(spec.targets(), s.workload(), cell.concurrency(), cell.payloadBytes(), Duration.ZERO,
                    s.duration(), options.requestTimeout(), cell.index());
        }
        long[] cellTotals = new long[2];
        NodeLoadTally tally = new NodeLoadTally(spec.targets().size(), spec.sentNodes());
        LimitProbe limits = new LimitProbe(cluster.nodes(), probe);
        GeneratorCpu generatorCpu;
        IntervalRecorder recorder = new IntervalRecorder(cell.id(), s.workload().ratePerSecond(), spec.warmup().toMillis(),
                spec.targets().stream().map(Object::toString).toList());
        StopRule stopRule = m.adaptive() ? new StopRule(m.minDuration(), m.precisionPercent()) : null;
        WarmupWatch watch = new WarmupWatch();
        boolean[] precise = new boolean[1];
        LoadFigures figures;
        List<AgentShare> shares;
        CellChecks.Outcome checked;
        // Fault threads post here; the lines reach the listener on this thread, as its contract wants.
        Queue<String> events = new ConcurrentLinkedQueue<>();
        // The checks' clock starts after the generator's set-up (payload generation), as the load's does.
        try (CellLoad gen = session.agents().isEmpty() ? new LoadGenerator(spec)
                : new DistributedLoad(session.agents(), spec, spec.targets().size());
             CellChecks checks = new CellChecks(session, s.faults(), cell,
                     System.nanoTime() + spec.warmup().toNanos(), events::add)) {
            control.onStopLoad(gen::stop);
            try {
                figures = gen.runDetailed(detail -> {
                    IntervalFigures iv = detail.figures();
                    if (!iv.warmup()) {
                        if (cellTotals[0] == 0) {
                            stats.openWindow();
                            limits.open();
                        }
                        limits.slip(detail.sendSlip());
                        cellTotals[0] += iv.requests();
                        cellTotals[1] += iv.successes();
                        tally.add(iv);
                    }
                    drain(events);
                    LiveSnapshot live = snapshot(cluster, cell, iv, cellStartNanos, cellTotals, session.watcher(), tally);
                    listener.live(live);
                    IntervalRecord rec = recorder.add(detail, live.nodes());
                    listener.interval(cell, rec);
                    TrialLoop.observe(watch, stopRule, rec, precise, gen);
                });
            } finally {
                control.onStopLoad(() -> { });
                stats.closeWindow();
                limits.close();
            }
            generatorCpu = gen instanceof LoadGenerator g ? g.measuredCpu() : null;
            if (control.quitRequested()) return null;
            shares = gen instanceof DistributedLoad d ? d.shares() : List.of();
            listener.paused("load done; checking replication and the write audit");
            checked = checks.finish(acknowledged(gen, s.workload()), restorer);
        } finally {
            drain(events);
        }
        CellChecks.Verdict verdict = CellChecks.verdict(control.consumeSkip(), checked);
        for (FaultEvent f : checked.faults()) {
            if (FaultEvent.RESTORE.equals(f.origin())) listener.event("Fault: " + f.describe());
        }
        CellResult result = new CellResult(cell, started, System.currentTimeMillis(), figures,
                stats.peakCpuPercent(), stats.peakMemoryBytes(), verdict.status(), verdict.reason(),
                checked.faults(), checked.convergence(), checked.audit(), shares, stats.nodePeakCpuPercent(),
                stats.nodePeakMemoryBytes());
        result = result.withLimit(judge(result, limits.evidence(figures, shares, generatorCpu, stats.mostThrottled(),
                s.node().cpus(), s.workload().ratePerSecond())));
        listener.event("Limit of " + cell.id() + ": " + result.limit().summary());
        result = TrialLoop.single(result, TrialLoop.trial(trial, started, figures, verdict.status(), precise[0],
                m, spec.warmup(), warmed, watch, gentleMillis));
        for (AgentShare a : result.saturatedAgents()) listener.event("Warning: " + a.warning());
        return new CellRun(result, !checked.restore().ok(), recorder);
    }

    /** Runs {@link GentleStart} on the session's cluster, for at most half the warm-up; returns how long it took. */
    private long gentleStart(ClusterSession session, Cell cell, LoadSpec spec, Duration warmup, long cellStartNanos,
                             NodeLoadTally idle) {
        Cluster cluster = session.cluster();
        GentleStart.Outcome gentle;
        try (JitWatch jit = JitWatch.start(cluster.nodes(), probe)) {
            gentle = GentleStart.run(session.agents(), spec, warmup.dividedBy(2), control, jit, iv -> listener.live(
                    snapshot(cluster, cell, iv, cellStartNanos, new long[2], session.watcher(), idle)));
        }
        session.markGentlyStarted();
        listener.event(String.format(java.util.Locale.ROOT, "Warm-up of %s began gently on the new cluster: %d"
                + " worker(s) for %.0f s (%s), then the cell's %d workers", cell.id(), gentle.workers(),
                gentle.gentleMillis() / 1e3, gentle.jit(), cell.concurrency()));
        return gentle.gentleMillis();
    }

    /**
     * The verdict, judged against the previous step of the same size and payload when there is one: the
     * previous concurrency step (closed loop), or the highest lower offered rate measured (open loop).
     */
    private CellLimit judge(CellResult r, LimitEvidence e) {
        String key = r.cell().clusterSize() + "/" + r.cell().payloadBytes();
        Double offered = e.offeredRequestsPerSec();
        CellResult before;
        if (offered == null) {
            before = previousStep.get(key);
        } else {
            Map.Entry<Double, CellResult> lower = lowerRates.computeIfAbsent(key, k -> new TreeMap<>()).lowerEntry(offered);
            before = lower == null ? null : lower.getValue();
        }
        if (before != null && (offered != null || before.cell().concurrency() < r.cell().concurrency())) {
            e = e.withPrevious(before.cell().concurrency(), before.load().requestsPerSec(), before.load().all().p99Nanos() / 1000);
        }
        if (r.measuredInFull()) {
            if (offered == null) previousStep.put(key, r);
            else lowerRates.get(key).put(offered, r);
        }
        return LimitAttribution.judge(e);
    }

    /** The writes to audit; null (no audit) for a GET-only workload or when the load threads hung. */
    private AcknowledgedWrites acknowledged(CellLoad gen, Workload w) {
        if (w.putPercent() == 0) return null;
        try {
            return gen.acknowledgedWrites();
        } catch (IllegalStateException e) {
            listener.event("No write audit: " + e.getMessage());
            return null;
        }
    }

    private void drain(Queue<String> events) {
        for (String line; (line = events.poll()) != null; ) listener.event(line);
    }

    private LiveSnapshot snapshot(Cluster cluster, Cell cell, IntervalFigures iv, long cellStartNanos,
                                  long[] totals, NodeWatcher watcher, NodeLoadTally tally) {
        long now = System.nanoTime();
        long cellElapsed = (now - cellStartNanos) / 1_000_000;
        long unitElapsed = (now - unitStartNanos) / 1_000_000;
        long remaining = PlanEstimate.remainingMillis(plan, position, unitElapsed);
        List<LiveSnapshot.NodeLive> nodes = new ArrayList<>();
        for (NodeEndpoint n : cluster.nodes()) {
            NodeWatcher.NodeStatus st = watcher.status(n.index());
            double[] net = stats.netRates(n.index());
            nodes.add(new LiveSnapshot.NodeLive(n.index(), n.nodeId(), st.up(), stats.latest(n.index()),
                    net[0], net[1], st.requests(), st.itemsStored(), tally.failures(n.index()),
                    tally.availabilityPercent(n.index())));
        }
        double progress = (position - 1 + Math.min(1.0, unitElapsed / (double) PlanEstimate.perCellMillis(plan)))
                / plan.totalCells();
        return new LiveSnapshot(cell, position, plan.totalCells(), cellElapsed,
                (now - runStartNanos) / 1_000_000, remaining, progress, iv, totals[0], totals[1], nodes);
    }
}
