package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.load.FiguresCollector;
import io.repram.orchestrate.load.IntervalDetail;
import io.repram.orchestrate.load.LoadGenerator;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.load.agent.AgentWire.State;
import io.repram.orchestrate.results.LoadFigures;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The agent's one load generator at a time: runs a plan on its own thread and keeps the intervals
 * until the orchestrator has fetched them. Thread-safe: the HTTP handlers call it concurrently.
 */
final class AgentWorker {

    /** Intervals kept when nobody fetches them: an hour at one a second. */
    static final int MAX_KEPT_INTERVALS = 3600;

    private final String id;
    private final String version;
    private final Deque<AgentWire.Interval> intervals = new ArrayDeque<>();
    private State state = State.idle;
    private int run;
    private long seq;
    private String error;
    private LoadGenerator generator;
    private AgentWire.Result result;
    private AgentWire.Writes writes;

    private final java.util.function.Consumer<IntervalDetail> observer;

    AgentWorker(String id, String version) {
        this(id, version, detail -> { });
    }

    AgentWorker(String id, String version, java.util.function.Consumer<IntervalDetail> observer) {
        this.id = id;
        this.version = version;
        this.observer = observer;
    }

    synchronized AgentWire.Status status() {
        return new AgentWire.Status(id, state, Runtime.getRuntime().availableProcessors(), version, run, error);
    }

    /**
     * @throws IllegalArgumentException when the plan is bad (HTTP 400)
     * @throws IllegalStateException    when a plan is still running (HTTP 409)
     */
    synchronized int start(LoadPlan plan) {
        if (state == State.running) {
            throw new IllegalStateException("run " + run + " is still running; POST " + AgentApi.STOP + " first");
        }
        LoadSpec spec = plan.toSpec();
        LoadGenerator gen = new LoadGenerator(spec);
        run++;
        state = State.running;
        error = null;
        result = null;
        writes = null;
        intervals.clear();
        generator = gen;
        int thisRun = run;
        Thread thread = new Thread(() -> execute(thisRun, gen), "agent-run-" + thisRun);
        thread.setDaemon(true);
        thread.start();
        return thisRun;
    }

    synchronized void stop() {
        if (generator != null) generator.stop();
    }

    /** The intervals after {@code after}; those up to it are acknowledged and dropped. */
    synchronized AgentWire.Intervals intervalsAfter(long after) {
        while (!intervals.isEmpty() && intervals.peekFirst().seq() <= after) intervals.removeFirst();
        return new AgentWire.Intervals(run, state, error, List.copyOf(intervals));
    }

    /** Null while idle or running. */
    synchronized AgentWire.Result result() {
        return result;
    }

    /** Null while idle or running, or after a failed run. */
    synchronized AgentWire.Writes writes() {
        return writes;
    }

    private void execute(int thisRun, LoadGenerator gen) {
        Histogram put = FiguresCollector.newHistogram();
        Histogram get = FiguresCollector.newHistogram();
        Histogram slip = FiguresCollector.newHistogram();
        CpuClock cpu = new CpuClock();
        try (gen) {
            LoadFigures figures = gen.runDetailed(d -> {
                if (!d.figures().warmup()) {
                    put.add(d.put());
                    get.add(d.get());
                    slip.add(d.sendSlip());
                }
                append(thisRun, d, cpu.percentSinceLast());
                observer.accept(d);
            });
            var acknowledged = gen.acknowledgedWrites().writes();
            synchronized (this) {
                result = new AgentWire.Result(thisRun, State.done, null, figures, HistogramCodec.encode(put),
                        HistogramCodec.encode(get), HistogramCodec.encode(slip));
                writes = new AgentWire.Writes(thisRun, acknowledged);
                state = State.done;
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
                result = new AgentWire.Result(thisRun, State.failed, error, null, null, null, null);
                state = State.failed;
            }
        }
    }

    private synchronized void append(int thisRun, IntervalDetail d, double cpuPercent) {
        if (thisRun != run) return;
        var f = d.figures();
        intervals.addLast(new AgentWire.Interval(++seq, f.epochMillis(), f.intervalSeconds(), f.warmup(), d.puts(),
                d.gets(), f.successes(), f.failures(), f.errorsByClass(), HistogramCodec.encode(d.put()),
                HistogramCodec.encode(d.get()), HistogramCodec.encode(d.sendSlip()), cpuPercent,
                d.sendSlip().getTotalCount() == 0 ? 0 : d.sendSlip().getMaxValue() / 1000));
        while (intervals.size() > MAX_KEPT_INTERVALS) intervals.removeFirst();
    }

    /** This process's CPU time against wall time; 100 = one core busy. */
    static final class CpuClock {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long lastCpuNanos = os.getProcessCpuTime();
        private long lastWallNanos = System.nanoTime();

        double percentSinceLast() {
            long cpuNow = os.getProcessCpuTime();
            long wallNow = System.nanoTime();
            double percent = wallNow == lastWallNanos || cpuNow < 0 ? 0
                    : 100.0 * (cpuNow - lastCpuNanos) / (wallNow - lastWallNanos);
            lastCpuNanos = cpuNow;
            lastWallNanos = wallNow;
            return percent;
        }
    }

}
