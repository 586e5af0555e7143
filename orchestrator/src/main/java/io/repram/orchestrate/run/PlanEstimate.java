package io.repram.orchestrate.run;

import io.repram.orchestrate.scenario.ClusterBlock;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.SearchSpec;
import io.repram.orchestrate.scenario.Units;

import java.time.Duration;

/**
 * The "Plan:" line a run prints before it starts. {@link RunPlan#estimatedDuration()} counts only
 * warm-up, measured windows and cooldowns; each cluster size also costs its start-up, health
 * checks, the end-of-cell audit and teardown, which the line adds as a stated allowance so the
 * estimate is not short by that (a quick 3-node cell took about 40 s more than its load).
 */
final class PlanEstimate {

    static final Duration ALLOWANCE_PER_CLUSTER = Duration.ofSeconds(40);

    private PlanEstimate() {
    }

    /** A rate search's probe count is not known in advance: its ladder has typically about 12. */
    static final int TYPICAL_PROBES = 12;

    static Duration total(RunPlan plan) {
        return load(plan).plus(ALLOWANCE_PER_CLUSTER.multipliedBy(plan.blocks().size()));
    }

    /**
     * Warm-up, measured time and cooldowns; for a rate search, per cell its longest warm-up before the
     * first probe and {@link #TYPICAL_PROBES} probes.
     */
    private static Duration load(RunPlan plan) {
        SearchSpec search = plan.scenario().search();
        if (search == null) return plan.estimatedDuration();
        Duration cells = plan.scenario().warmup().plus(plan.scenario().duration()).multipliedBy(plan.totalCells());
        return plan.estimatedDuration().minus(cells).plus(Duration.ofMillis(perCellMillis(plan)).multipliedBy(plan.totalCells()));
    }

    /** One cell's expected length: its trials with their warm-ups and cooldowns, or a typical search. */
    static long perCellMillis(RunPlan plan) {
        SearchSpec search = plan.scenario().search();
        if (search == null) return plan.perCell().toMillis();
        return SearchSession.warmUpMax(plan.scenario()).plus(probe(search).multipliedBy(TYPICAL_PROBES)).toMillis();
    }

    private static Duration probe(SearchSpec search) {
        return search.warmup().plus(search.step());
    }

    /**
     * The time left while cell {@code position} (1-based, in plan order) has run for
     * {@code cellElapsedMillis}: the rest of this cell, then every later cell with its cooldown, and
     * the same start-up allowance for each cluster size still to start, so that the remaining time
     * shown during the run agrees with the "Plan:" line.
     */
    static long remainingMillis(RunPlan plan, int position, long cellElapsedMillis) {
        long perCell = perCellMillis(plan);
        long remaining = Math.max(0, perCell - cellElapsedMillis);
        int seen = 0;
        for (ClusterBlock block : plan.blocks()) {
            for (int i = 0; i < block.cells().size(); i++) {
                if (++seen <= position) continue;
                remaining += perCell + (i > 0 ? plan.betweenCells().toMillis()
                        : plan.betweenClusterSizes().toMillis() + ALLOWANCE_PER_CLUSTER.toMillis());
            }
        }
        return remaining;
    }

    /** {@code Plan: 2 cell(s) on 1 cluster(s), about 42s (2s of load and cooldowns + 40s start-up allowance per cluster)}. */
    static String line(RunPlan plan) {
        SearchSpec search = plan.scenario().search();
        if (search != null) {
            return "Plan: " + plan.totalCells() + " rate search(es) on " + plan.blocks().size() + " cluster(s), about "
                    + Units.formatDuration(total(plan)) + " if each warms up for at most "
                    + Units.formatDuration(SearchSession.warmUpMax(plan.scenario())) + " and takes " + TYPICAL_PROBES
                    + " probes of " + Units.formatDuration(probe(search)) + " (warm-up + step; the ladder decides how "
                    + "many) + "
                    + Units.formatDuration(ALLOWANCE_PER_CLUSTER) + " start-up allowance per cluster";
        }
        return "Plan: " + plan.totalCells() + " cell(s) on " + plan.blocks().size() + " cluster(s), about "
                + Units.formatDuration(total(plan)) + " (" + Units.formatDuration(plan.estimatedDuration())
                + " of warm-up, measured time and cooldowns + " + Units.formatDuration(ALLOWANCE_PER_CLUSTER)
                + " start-up allowance per cluster)";
    }

    /** {@code Took 1m58s; the plan said about 1m45s.}: the estimate checked against the clock. */
    static String tookLine(Duration took, RunPlan plan) {
        return "Took " + Units.formatDuration(Duration.ofSeconds(Math.round(took.toMillis() / 1000.0)))
                + "; the plan said about " + Units.formatDuration(total(plan)) + ".";
    }
}
