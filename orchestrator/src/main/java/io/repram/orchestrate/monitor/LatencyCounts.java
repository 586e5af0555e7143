package io.repram.orchestrate.monitor;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A node's request-duration histogram as Prometheus exposes it: the running sum and count and the
 * cumulative bucket counts by upper bound ({@code le}). Differences of two readings give the
 * latencies of the requests in between.
 *
 * @param count -1 when the node exposes no histogram
 */
public record LatencyCounts(double sumSeconds, long count, NavigableMap<Double, Long> cumulativeBuckets) {
    public static final LatencyCounts NONE = new LatencyCounts(0, -1, new TreeMap<>());

    public LatencyCounts {
        cumulativeBuckets = Collections.unmodifiableNavigableMap(new TreeMap<>(cumulativeBuckets));
    }

    public boolean known() {
        return count >= 0;
    }

    /** The requests after {@code earlier}; a node restart (counters going down) starts from zero. */
    public LatencyCounts since(LatencyCounts earlier) {
        if (!known()) return NONE;
        if (!earlier.known() || count < earlier.count) return this;
        TreeMap<Double, Long> buckets = new TreeMap<>();
        for (Map.Entry<Double, Long> b : cumulativeBuckets.entrySet()) {
            buckets.put(b.getKey(), Math.max(0, b.getValue() - earlier.cumulativeBuckets.getOrDefault(b.getKey(), 0L)));
        }
        return new LatencyCounts(Math.max(0, sumSeconds - earlier.sumSeconds), count - earlier.count, buckets);
    }

    public LatencyCounts plus(LatencyCounts other) {
        if (!other.known()) return this;
        if (!known()) return other;
        TreeMap<Double, Long> buckets = new TreeMap<>(cumulativeBuckets);
        other.cumulativeBuckets.forEach((le, n) -> buckets.merge(le, n, Long::sum));
        return new LatencyCounts(sumSeconds + other.sumSeconds, count + other.count, buckets);
    }

    /** Mean in milliseconds, NaN when there were no requests. */
    public double averageMillis() {
        return count > 0 ? sumSeconds / count * 1000.0 : Double.NaN;
    }

    /**
     * The q-quantile in milliseconds, interpolated linearly inside the bucket that holds it, as
     * PromQL's histogram_quantile does; NaN when there were no requests or no buckets.
     */
    public double quantileMillis(double q) {
        if (count <= 0 || cumulativeBuckets.isEmpty()) return Double.NaN;
        long total = cumulativeBuckets.lastEntry().getValue();
        if (total <= 0) return Double.NaN;
        double rank = q * total;
        double lowerBound = 0;
        long lowerCount = 0;
        for (Map.Entry<Double, Long> b : cumulativeBuckets.entrySet()) {
            if (b.getValue() >= rank) {
                if (b.getKey().isInfinite()) return lowerBound * 1000.0; // beyond the last finite bound
                long inBucket = b.getValue() - lowerCount;
                double fraction = inBucket == 0 ? 1 : (rank - lowerCount) / inBucket;
                return (lowerBound + (b.getKey() - lowerBound) * fraction) * 1000.0;
            }
            lowerBound = b.getKey();
            lowerCount = b.getValue();
        }
        return lowerBound * 1000.0;
    }
}
