package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.load.AcknowledgedWrites;
import io.repram.orchestrate.load.CellLoad;
import io.repram.orchestrate.analysis.LimitAttribution;
import io.repram.orchestrate.load.GeneratorCpu;
import io.repram.orchestrate.load.LoadGenerator;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.load.agent.DistributedLoad;
import io.repram.orchestrate.results.AgentShare;
import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.results.TrialFigures;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.results.Breach;
import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.ClusterBlock;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Measurement;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.Workload;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final CellMeasure measure;

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
        this.measure = new CellMeasure(plan, listener, control, options, stats, probe, restorer);
    }

    public Outcome run() throws EngineException, IOException, InterruptedException {
        measure.runStarted();
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
        ClusterSpec spec = ClusterSpecs.of(s, block.clusterSize(), options.runId(), options.basePort(),
                options.healthTimeout(), writer.dir().nodeLogDir(block.clusterSize()));
        ClusterSession session = startSession(spec);
        ClusterSession[] held = {session};
        try {
            List<Cell> cells = block.cells();
            for (int i = 0; i < cells.size() && !control.quitRequested(); i++) {
                Cell cell = cells.get(i);
                CellRun run = s.search() == null ? runTrials(held, spec, cell) : searchCell(held[0], cell);
                session = held[0];
                if (run == null) break;
                CellResult r = run.result();
                results.add(r);
                List<Breach> breaches = writer.writeCell(r);
                run.intervals().write(writer.dir().path(), r.faults());
                if (run.trials() != null && run.trials().trials().size() > 1) {
                    for (TrialLoop.Trial t : run.trials().trials()) {
                        t.intervals().writeAs(writer.dir().path(), TrialLoop.fileId(cell, t.figures().trial()),
                                t.result().faults());
                    }
                }
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
                    held[0] = session;
                }
                if (more) cooldown(plan.betweenCells(), "between scenarios");
            }
            writer.appendStats("idle", stats.drainSamples());
            writer.writeClusterMetrics(session.cluster().size(), scrapeMetrics(session.cluster()));
        } finally {
            if (held[0] != null && held[0] != session) held[0].close();
            if (session != null) session.close();
        }
    }

    private ClusterSession startSession(ClusterSpec spec) throws EngineException {
        listener.paused("starting a " + spec.size() + "-node cluster");
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

    /**
     * Runs the cell's {@code repeat} trials with the cell cooldown between them, on a fresh cluster each
     * when the scenario asks (or the last trial's faults broke it); {@code held[0]} is the session then.
     * Returns null when the run was quit during a trial (the cell is not recorded).
     */
    private CellRun runTrials(ClusterSession[] held, ClusterSpec spec, Cell cell)
            throws EngineException, IOException, InterruptedException {
        Measurement m = plan.scenario().measurement();
        TrialLoop trials = new TrialLoop();
        CellRun last = null;
        for (int t = 1; t <= m.repeat(); t++) {
            if (t > 1) {
                if (m.freshClusterPerTrial() || last.clusterBroken()) {
                    writer.appendStats("idle", stats.drainSamples());
                    ClusterSession old = held[0];
                    held[0] = null;
                    old.close();
                    held[0] = startSession(spec);
                }
                cooldown(plan.betweenCells(), "between trials");
                if (control.quitRequested()) return null;
                listener.event("Trial " + t + " of " + m.repeat() + " of " + cell.id());
            }
            last = runCell(held[0], cell, t);
            writer.appendStats(cell.id(), stats.drainSamples());
            if (last == null) return null;
            trials.add(new TrialLoop.Trial(last.result(), last.result().trials().trials().get(0), last.intervals()));
            if (CellResult.SKIPPED.equals(last.result().status())) break;
        }
        return new CellRun(trials.combined(), last.clusterBroken(), trials.representative().intervals(), trials);
    }

    /** Runs one trial of a cell; returns null when the run was quit during it (the cell is not recorded). */
    private CellRun runCell(ClusterSession session, Cell cell, int trial) throws InterruptedException {
        if (trial == 1) {
            measure.cellStarted(cell);
        }
        return measure.measure(session, cell, plan.scenario(), trial);
    }

    /**
     * Finds the cell's highest rate within the scenario's SLO (see {@link SearchSession}); the probe
     * the search settled on is the cell's result. Returns null when the run was quit during it.
     */
    private CellRun searchCell(ClusterSession session, Cell cell) throws InterruptedException {
        measure.cellStarted(cell);
        return searches.run(cell, probe -> {
            CellRun run = measure.measure(session, cell, probe, 1);
            writer.appendStats(cell.id(), stats.drainSamples());
            return run;
        });
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
        listener.paused("cooling down " + d.toSeconds() + " s " + what);
        listener.event("Cooling down " + d.toSeconds() + " s " + what);
        control.sleep(d);
    }

    private static String endpoints(Cluster cluster) {
        return String.join(" ", cluster.nodes().stream().map(n -> n.baseUri().toString()).toList());
    }
}
