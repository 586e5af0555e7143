package io.repram.orchestrate.report;

import io.repram.orchestrate.results.CellResult;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures report.md is built from, computed from the finished cells alone. Highlights,
 * scaling and sweeps rank only cells measured in full ({@link CellResult#measuredInFull()}): a
 * skipped cell is listed in the tables but never ranked.
 */
public final class ReportAnalysis {

    /**
     * The best cell of one cluster size, against the smallest size that was measured.
     *
     * @param speedup           best req/s of this size divided by that of the smallest size
     * @param linearSpeedup     what perfect scaling would give: size / smallest size
     * @param efficiencyPercent speedup as a share of linear
     */
    public record ScalingRow(int clusterSize, CellResult best, double speedup, double linearSpeedup,
                             double efficiencyPercent) {
        public double requestsPerSec() {
            return best.load().requestsPerSec();
        }
    }

    private final List<CellResult> results;
    private final List<CellResult> ranked;

    public ReportAnalysis(List<CellResult> results) {
        this.results = results.stream().sorted(Comparator.comparingInt(r -> r.cell().index())).toList();
        this.ranked = this.results.stream().filter(CellResult::measuredInFull).toList();
    }

    /** Every finished cell, skipped ones included, in run order. */
    public List<CellResult> results() {
        return results;
    }

    /** The cells whose figures may be compared: every finished cell except skipped ones, in run order. */
    public List<CellResult> ranked() {
        return ranked;
    }

    public Optional<CellResult> peakThroughput() {
        return ranked.stream().max(Comparator.comparingDouble(r -> r.load().requestsPerSec()));
    }

    /** Highest success rate; among equals, the one with the highest throughput. */
    public Optional<CellResult> bestSuccessRate() {
        return ranked.stream().max(Comparator.comparingDouble((CellResult r) -> r.load().successRate())
                .thenComparingDouble(r -> r.load().requestsPerSec()));
    }

    /** Lowest mean latency among cells that completed requests. */
    public Optional<CellResult> lowestLatency() {
        return ranked.stream().filter(r -> r.load().all().count() > 0)
                .min(Comparator.comparingDouble(r -> r.load().all().meanNanos()));
    }

    public List<ScalingRow> scaling() {
        Map<Integer, CellResult> bestBySize = ranked.stream().collect(Collectors.toMap(
                r -> r.cell().clusterSize(), r -> r,
                (a, b) -> a.load().requestsPerSec() >= b.load().requestsPerSec() ? a : b, TreeMap::new));
        if (bestBySize.isEmpty()) {
            return List.of();
        }
        int smallest = bestBySize.keySet().iterator().next();
        double base = bestBySize.get(smallest).load().requestsPerSec();
        return bestBySize.entrySet().stream().map(e -> {
            double speedup = base <= 0 ? 0 : e.getValue().load().requestsPerSec() / base;
            double linear = (double) e.getKey() / smallest;
            return new ScalingRow(e.getKey(), e.getValue(), speedup, linear, 100.0 * speedup / linear);
        }).toList();
    }

    /**
     * For each cluster size measured at two or more concurrency levels: the cells of its smallest
     * payload (where request handling, not bandwidth, is the limit), by concurrency.
     */
    public Map<Integer, List<CellResult>> concurrencySweeps() {
        Map<Integer, List<CellResult>> sweeps = new TreeMap<>();
        ranked.stream().collect(Collectors.groupingBy(r -> r.cell().clusterSize(), TreeMap::new, Collectors.toList()))
                .forEach((size, cells) -> {
                    int payload = cells.stream().mapToInt(r -> r.cell().payloadBytes()).min().orElse(0);
                    List<CellResult> sweep = cells.stream().filter(r -> r.cell().payloadBytes() == payload)
                            .sorted(Comparator.comparingInt(r -> r.cell().concurrency())).toList();
                    if (sweep.size() >= 2) {
                        sweeps.put(size, sweep);
                    }
                });
        return sweeps;
    }
}
