package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.load.AcknowledgedWrites;
import io.repram.orchestrate.load.CellLoad;
import io.repram.orchestrate.load.LoadGenerator;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.load.agent.DistributedLoad;
import io.repram.orchestrate.results.AgentShare;
import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.results.Breach;
import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.ClusterBlock;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.Workload;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Walks a {@link RunPlan}: starts each cluster size once, runs its cells with the load generator
 * (and the scenario's faults, the convergence probe and the write audit, see {@link CellChecks}),
 * cools down, tears the cluster down. Each finished cell is written to disk before the next starts.
 * A cluster that a cell's faults broke beyond repair is replaced, so the matrix keeps going.
 */
public final class Runner {

    /** How clusters are started; the rest comes from the scenario. */
    public record Options(String runId, int basePort, Duration healthTimeout, Duration requestTimeout) {
    }

    /** What the run did: the cells it finished and whether it was cut short. */
    public record Outcome(List<CellResult> results, boolean interrupted) {
    }

    private final Engine engine;
    private final RunPlan plan;
    private final ResultsWriter writer;
    private final RunListener listener;
    private final RunControl control;
    private final Options options;
    private final StatsTracker stats;
    private final NodeProbe probe = new NodeProbe();
    private final ClusterRestorer restorer;
    private final SearchSession searches;
    private long runStartNanos;
    private int position;

    public Runner(Engine engine, RunPlan plan, ResultsWriter writer, RunListener listener,
                  RunControl control, Options options) {
        this.engine = engine;
        this.plan = plan;
        this.writer = writer;
        this.listener = listener;
        this.control = control;
        this.options = options;
        this.stats = new StatsTracker();
        this.restorer = new ClusterRestorer(options.healthTimeout());
        this.searches = new SearchSession(plan.scenario(), writer, listener);
    }

    public Outcome run() throws EngineException, IOException, InterruptedException {
        runStartNanos = System.nanoTime();
        List<CellResult> results = new ArrayList<>();
        List<ClusterBlock> blocks = plan.blocks();
        for (int b = 0; b < blocks.size() && !control.quitRequested(); b++) {
            ClusterBlock block = blocks.get(b);
            runBlock(block, results);
            if (b < blocks.size() - 1 && !control.quitRequested()) {
                cooldown(plan.betweenClusterSizes(), "between cluster sizes");
            }
        }
        return new Outcome(results, control.quitRequested());
    }

    private void runBlock(ClusterBlock block, List<CellResult> results)
            throws EngineException, IOException, InterruptedException {
        Scenario s = plan.scenario();
        ClusterSpec spec = new ClusterSpec(options.runId(), s.name(), block.clusterSize(), s.image(),
                s.node().env(), s.node().cpus(), s.node().memoryBytes(), options.basePort(), options.healthTimeout(),
                writer.dir().nodeLogDir(block.clusterSize()));
        ClusterSession session = startSession(spec);
        try {
            List<Cell> cells = block.cells();
            for (int i = 0; i < cells.size() && !control.quitRequested(); i++) {
                Cell cell = cells.get(i);
                CellRun run = s.search() == null ? runCell(session, cell) : searchCell(session, cell);
                writer.appendStats(cell.id(), stats.drainSamples());
                if (run == null) break;
                CellResult r = run.result();
                results.add(r);
                List<Breach> breaches = writer.writeCell(r);
                run.intervals().write(writer.dir().path(), r.faults());
                listener.cellFinished(r);
                for (Breach breach : breaches) listener.event("Threshold breached in " + cell.id() + ": " + breach.describe());
                boolean more = i < cells.size() - 1 && !control.quitRequested();
                if (more && run.clusterBroken()) {
                    listener.event("The cluster did not recover from " + cell.id() + "'s faults; starting a fresh one");
                    writer.appendStats("idle", stats.drainSamples());
                    ClusterSession broken = session;
                    session = null;
                    broken.close();
                    session = startSession(spec);
                }
                if (more) cooldown(plan.betweenCells(), "between scenarios");
            }
            writer.appendStats("idle", stats.drainSamples());
            writer.writeClusterMetrics(session.cluster().size(), scrapeMetrics(session.cluster()));
        } finally {
            if (session != null) session.close();
        }
    }

    private ClusterSession startSession(ClusterSpec spec) throws EngineException {
        listener.event("Starting a " + spec.size() + "-node cluster (" + engine.name() + ")");
        long t0 = System.nanoTime();
        ClusterSession session = ClusterSession.start(engine, spec, stats);
        listener.event(String.format("%d-node cluster healthy in %.1f s: %s", session.cluster().size(),
                (System.nanoTime() - t0) / 1e9, endpoints(session.cluster())));
        int agents = plan.scenario().load().agents();
        if (agents > 0) {
            try {
                session.startAgents(agents, options.healthTimeout(), listener::event);
            } catch (EngineException | RuntimeException e) {
                session.close();
                throw e;
            }
        }
        return session;
    }

    /** A recorded cell, and whether its cluster must be replaced before the next one. */
    record CellRun(CellResult result, boolean clusterBroken, IntervalRecorder intervals) {
    }

    /** Runs one cell; returns null when the run was quit during it (the cell is not recorded). */
    private CellRun runCell(ClusterSession session, Cell cell) throws InterruptedException {
        position++;
        listener.cellStarted(cell, position, plan.totalCells());
        return measure(session, cell, plan.scenario());
    }

    /**
     * Finds the cell's highest rate within the scenario's SLO (see {@link SearchSession}); the probe
     * the search settled on is the cell's result. Returns null when the run was quit during it.
     */
    private CellRun searchCell(ClusterSession session, Cell cell) throws InterruptedException {
        position++;
        listener.cellStarted(cell, position, plan.totalCells());
        return searches.run(cell, probe -> {
            CellRun run = measure(session, cell, probe);
            writer.appendStats(cell.id(), stats.drainSamples());
            return run;
        });
    }

    /** Runs the load of one cell (or search probe) as {@code s} describes it; null when the run was quit. */
    private CellRun measure(ClusterSession session, Cell cell, Scenario s) throws InterruptedException {
        Cluster cluster = session.cluster();
        LoadSpec spec = LoadSpec.of(cluster.nodes().stream().map(NodeEndpoint::baseUri).toList(), s.workload(),
                cell.concurrency(), cell.payloadBytes(), s.warmup(), s.duration(), options.requestTimeout(), cell.index());
        long started = System.currentTimeMillis();
        long cellStartNanos = System.nanoTime();
        long[] cellTotals = new long[2];
        NodeLoadTally tally = new NodeLoadTally(spec.targets().size());
        IntervalRecorder recorder = new IntervalRecorder(cell.id(), s.workload().ratePerSecond(), s.warmup().toMillis(),
                spec.targets().stream().map(Object::toString).toList());
        LoadFigures figures;
        List<AgentShare> shares;
        CellChecks.Outcome checked;
        // Fault threads post here; the lines reach the listener on this thread, as its contract wants.
        Queue<String> events = new ConcurrentLinkedQueue<>();
        // The checks' clock starts after the generator's set-up (payload generation), as the load's does.
        try (CellLoad gen = session.agents().isEmpty() ? new LoadGenerator(spec)
                : new DistributedLoad(session.agents(), spec, spec.targets().size());
             CellChecks checks = new CellChecks(session, s.faults(), cell,
                     System.nanoTime() + s.warmup().toNanos(), events::add)) {
            control.onStopLoad(gen::stop);
            try {
                figures = gen.runDetailed(detail -> {
                    IntervalFigures iv = detail.figures();
                    if (!iv.warmup()) {
                        if (cellTotals[0] == 0) stats.openWindow();
                        cellTotals[0] += iv.requests();
                        cellTotals[1] += iv.successes();
                        tally.add(iv);
                    }
                    drain(events);
                    LiveSnapshot live = snapshot(cluster, cell, iv, cellStartNanos, cellTotals, session.watcher(), tally);
                    listener.live(live);
                    listener.interval(cell, recorder.add(detail, live.nodes()));
                });
            } finally {
                control.onStopLoad(() -> { });
                stats.closeWindow();
            }
            if (control.quitRequested()) return null;
            shares = gen instanceof DistributedLoad d ? d.shares() : List.of();
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
        for (AgentShare a : result.saturatedAgents()) listener.event("Warning: " + a.warning());
        return new CellRun(result, !checked.restore().ok(), recorder);
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
        Scenario s = plan.scenario();
        long perCellMillis = s.warmup().plus(s.duration()).toMillis();
        long remaining = PlanEstimate.remainingMillis(plan, position, cellElapsed);
        List<LiveSnapshot.NodeLive> nodes = new ArrayList<>();
        for (NodeEndpoint n : cluster.nodes()) {
            NodeWatcher.NodeStatus st = watcher.status(n.index());
            double[] net = stats.netRates(n.index());
            nodes.add(new LiveSnapshot.NodeLive(n.index(), n.nodeId(), st.up(), stats.latest(n.index()),
                    net[0], net[1], st.requests(), st.itemsStored(), tally.failures(n.index()),
                    tally.availabilityPercent(n.index())));
        }
        double progress = (position - 1 + Math.min(1.0, cellElapsed / (double) perCellMillis)) / plan.totalCells();
        return new LiveSnapshot(cell, position, plan.totalCells(), cellElapsed,
                (now - runStartNanos) / 1_000_000, remaining, progress, iv, totals[0], totals[1], nodes);
    }

    private String scrapeMetrics(Cluster cluster) {
        StringBuilder out = new StringBuilder();
        for (NodeEndpoint n : cluster.nodes()) {
            for (String path : List.of("/v1/status", "/v1/metrics")) {
                out.append("# ===== ").append(n.nodeId()).append(' ').append(path).append(" =====\n");
                try {
                    out.append(probe.get(n.baseUri(), path));
                } catch (IOException e) {
                    out.append("# unavailable: ").append(e.getMessage());
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private void cooldown(Duration d, String what) throws InterruptedException {
        if (d.isZero() || d.isNegative()) return;
        listener.event("Cooling down " + d.toSeconds() + " s " + what);
        control.sleep(d);
    }

    private static String endpoints(Cluster cluster) {
        return String.join(" ", cluster.nodes().stream().map(n -> n.baseUri().toString()).toList());
    }
}
