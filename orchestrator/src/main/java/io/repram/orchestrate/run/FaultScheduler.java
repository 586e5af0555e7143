package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.RunningCluster;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.scenario.FaultSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Applies a scenario's faults to a cluster at their times, relative to the start of a cell's
 * measured window, on its own thread: an engine call can take seconds (a container restart) and
 * must never stall the load generator or the runner's once-a-second loop.
 */
public final class FaultScheduler implements AutoCloseable {

    /** How long closing waits for a fault the engine is still applying. */
    private static final long IN_FLIGHT_WAIT_SECONDS = 60;

    private final RunningCluster cluster;
    private final long windowStartNanos;
    private final NodeImpairments impairments;
    private final Consumer<String> events;
    private final List<FaultEvent> timeline = new ArrayList<>();
    private final ScheduledThreadPoolExecutor timer;

    /**
     * Schedules every fault at once. Targets are resolved now, so "random" picks are fixed for
     * the cell and repeatable with the same {@code random}.
     *
     * @param events receives one line per applied fault, on the fault thread; pass a queue's add
     */
    public FaultScheduler(RunningCluster cluster, List<FaultSpec> faults, long windowStartNanos,
                          RandomGenerator random, NodeImpairments impairments, Consumer<String> events) {
        this.cluster = cluster;
        this.windowStartNanos = windowStartNanos;
        this.impairments = impairments;
        this.events = events;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fault-scheduler");
            t.setDaemon(true);
            return t;
        });
        // Faults still waiting when the cell ends belong to no cell: drop them.
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        // In time order: a fault already overdue (a slow start) is then still queued behind the
        // earlier ones, because the executor runs equal or past trigger times first come, first served.
        List<FaultSpec> ordered = faults.stream().sorted(java.util.Comparator.comparing(FaultSpec::at)).toList();
        long now = System.nanoTime();
        for (FaultSpec fault : ordered) {
            // One "now" for all: delays then grow with the order, so trigger times never swap it.
            long delayNanos = windowStartNanos + fault.at().toNanos() - now;
            Runnable task = prepare(fault, random);
            timer.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        }
    }

    private Runnable prepare(FaultSpec fault, RandomGenerator random) {
        List<Integer> targets;
        FaultAction action;
        try {
            action = FaultTargets.action(fault.action());
            targets = FaultTargets.resolve(fault.node(), cluster.size(), random);
        } catch (IllegalArgumentException e) {
            return () -> record(new FaultEvent(offsetMillis(), fault.action(), -1, FaultEvent.SCENARIO, false, e.getMessage()));
        }
        return () -> {
            for (int node : targets) {
                apply(node, action);
            }
        };
    }

    private void apply(int node, FaultAction action) {
        long offset = offsetMillis();
        impairments.attempted(node);
        FaultEvent event;
        try {
            cluster.fault(node, action);
            impairments.applied(node, action);
            event = new FaultEvent(offset, FaultTargets.name(action), node, FaultEvent.SCENARIO, true, null);
        } catch (EngineException | RuntimeException e) {
            event = new FaultEvent(offset, FaultTargets.name(action), node, FaultEvent.SCENARIO, false,
                    String.valueOf(e.getMessage()));
        }
        record(event);
    }

    private void record(FaultEvent event) {
        synchronized (timeline) {
            timeline.add(event);
        }
        events.accept("Fault: " + event.describe());
    }

    private long offsetMillis() {
        return (System.nanoTime() - windowStartNanos) / 1_000_000;
    }

    /** The faults applied so far, in the order they were applied. */
    public List<FaultEvent> timeline() {
        synchronized (timeline) {
            return List.copyOf(timeline);
        }
    }

    /** Drops the faults not yet due and waits for one the engine is applying right now. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(IN_FLIGHT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
