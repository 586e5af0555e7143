package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.IntervalLatency;
import io.repram.orchestrate.results.IntervalRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Alert thresholds per cluster size, each from the distribution of that size's samples rather than
 * a single peak, so an alert does not fire during the peak the run itself saw as normal and one
 * size's figures never set another's:
 * <ul>
 *   <li>node CPU and memory: the p99 of the per-node samples taken while that size's cells were
 *       measured (the busy windows; samples between cells, "idle", never count);
 *   <li>p99 latency: 2× the sustained p99, the median of the per-second p99s of the size's best
 *       healthy cell (the slower of PUT and GET in each second);
 *   <li>throughput: 80% of the sustained rate, the median of the same cell's per-second req/s.
 * </ul>
 * No alert is proposed from fewer than {@link #MIN_SAMPLES} samples; the text says so instead.
 */
public final class AlertThresholds {

    /**
     * The fewest samples an alert is derived from: below it a p99 is the largest value or two, and
     * a median moves with every sample. 30 is a little over 2 × 15, the idle-sample count behind
     * the old 9.4% CPU alert; a 60 s cell gives 60 intervals and 60 samples per node.
     */
    public static final int MIN_SAMPLES = 30;
    public static final double BUSY_QUANTILE = 0.99;
    public static final double LATENCY_FACTOR = 2.0;
    public static final double THROUGHPUT_SHARE = 0.80;

    /** Alerts of one cluster size; {@code referenceCell} is the cell latency and throughput come from, or null. */
    public record SizeAlerts(int clusterSize, String referenceCell, List<Alert> alerts) {
        public SizeAlerts {
            alerts = List.copyOf(alerts);
        }
    }

    private AlertThresholds() {
    }

    /**
     * @param cells      the cells measured in full
     * @param healthy    the cells the baseline trusts (≥ 99% success), a subset of {@code cells}
     * @param stats      resource samples: a run's (with cell ids) or a monitor's (without)
     * @param intervals  a cell's measured per-second intervals by cell id
     */
    public static List<SizeAlerts> of(List<CellResult> cells, List<CellResult> healthy, List<StatsSample> stats,
                                      Function<String, List<IntervalRecord>> intervals) {
        Map<String, Integer> sizeOfCell = cells.stream()
                .collect(Collectors.toMap(r -> r.cell().id(), r -> r.cell().clusterSize(), (a, b) -> a));
        // A monitor's samples have no cell: they are of the one cluster it watched, sized by its nodes.
        int monitoredSize = (int) stats.stream().filter(s -> s.cellId() == null).map(StatsSample::node).distinct().count();
        Map<Integer, List<StatsSample>> busy = new TreeMap<>();
        for (StatsSample s : stats) {
            Integer size = s.cellId() == null ? Integer.valueOf(monitoredSize)
                    : s.duringCell() ? sizeOfCell.get(s.cellId()) : null;
            if (size != null) busy.computeIfAbsent(size, k -> new ArrayList<>()).add(s);
        }
        Set<Integer> sizes = new TreeSet<>(busy.keySet());
        cells.forEach(r -> sizes.add(r.cell().clusterSize()));
        List<SizeAlerts> out = new ArrayList<>();
        for (int size : sizes) {
            List<StatsSample> samples = busy.getOrDefault(size, List.of());
            CellResult reference = healthy.stream().filter(r -> r.cell().clusterSize() == size)
                    .max(Comparator.comparingDouble(r -> r.load().requestsPerSec())).orElse(null);
            List<IntervalRecord> measured = reference == null ? List.of()
                    : intervals.apply(reference.cell().id()).stream()
                    .filter(i -> !i.warmup() && i.intervalMillis() > 0).toList();
            String cellsText = samples.isEmpty() || samples.get(0).cellId() == null ? "the monitor's samples"
                    : samples.stream().map(StatsSample::cellId).distinct().count() + " measured cell(s)";
            out.add(new SizeAlerts(size, reference == null ? null : reference.cell().id(), List.of(
                    busyQuantile("node CPU above", "%", samples.stream().mapToDouble(StatsSample::cpuPercent).toArray(),
                            cellsText, " (100% = one core)"),
                    busyQuantile("node memory above", "MiB", samples.stream().mapToDouble(StatsSample::memoryMb).toArray(),
                            cellsText, ""),
                    latency(reference, measured),
                    throughput(reference, measured))));
        }
        return out;
    }

    /** The intervals of a results directory's cells, read on demand. */
    public static Function<String, List<IntervalRecord>> intervalsIn(Path resultsDir) {
        return id -> IntervalCsvReader.readCell(resultsDir, id);
    }

    private static Alert busyQuantile(String condition, String unit, double[] values, String cells, String note) {
        if (values.length < MIN_SAMPLES) return Alert.tooFew(condition, unit, values.length, "busy samples");
        return new Alert(condition, Quantile.of(values, BUSY_QUANTILE), unit, values.length,
                text("the p99 of %d per-node samples during %s%s", values.length, cells, note));
    }

    private static Alert latency(CellResult reference, List<IntervalRecord> measured) {
        String condition = "p99 latency above";
        double[] p99s = measured.stream().filter(i -> i.put().count() + i.get().count() > 0)
                .mapToDouble(i -> slowerP99Micros(i) / 1000.0).toArray();
        if (p99s.length < MIN_SAMPLES) return Alert.tooFew(condition, "ms", p99s.length, intervalsOf(reference));
        double sustained = Quantile.of(p99s, 0.5);
        return new Alert(condition, LATENCY_FACTOR * sustained, "ms", p99s.length,
                text("2× the sustained p99, %.2f ms: the median per-second p99 of `%s` (%d intervals)",
                        sustained, reference.cell().id(), p99s.length));
    }

    private static Alert throughput(CellResult reference, List<IntervalRecord> measured) {
        String condition = "throughput below";
        double[] rates = measured.stream().mapToDouble(IntervalRecord::achievedPerSec).toArray();
        if (rates.length < MIN_SAMPLES) return Alert.tooFew(condition, "req/s", rates.length, intervalsOf(reference));
        double sustained = Quantile.of(rates, 0.5);
        return new Alert(condition, THROUGHPUT_SHARE * sustained, "req/s", rates.length,
                text("80%% of the sustained rate, %,.1f req/s: the median per-second rate of `%s` (%d intervals)",
                        sustained, reference.cell().id(), rates.length));
    }

    private static long slowerP99Micros(IntervalRecord i) {
        return Math.max(p99(i.put()), p99(i.get()));
    }

    private static long p99(IntervalLatency op) {
        return op.count() > 0 ? op.p99Us() : 0;
    }

    private static String intervalsOf(CellResult reference) {
        return reference == null ? "per-second intervals (no healthy cell of this size)"
                : "per-second intervals in `" + reference.cell().id() + "`";
    }

    private static String text(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
