package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellLimit;
import io.repram.orchestrate.results.LimitEvidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.repram.orchestrate.results.LimitThresholds.ERROR_PERCENT;
import static io.repram.orchestrate.results.LimitThresholds.GC_PAUSE_PERCENT;
import static io.repram.orchestrate.results.LimitThresholds.GENERATOR_CPU_PERCENT;
import static io.repram.orchestrate.results.LimitThresholds.HOST_CPU_PERCENT;
import static io.repram.orchestrate.results.LimitThresholds.NODE_AVAILABILITY_PERCENT;
import static io.repram.orchestrate.results.LimitThresholds.LATENCY_KNEE_FACTOR;
import static io.repram.orchestrate.results.LimitThresholds.NODE_THROTTLED_PERCENT;
import static io.repram.orchestrate.results.LimitThresholds.OFFERED_MET_PERCENT;
import static io.repram.orchestrate.results.LimitThresholds.RISING_THROUGHPUT_PERCENT;
import static io.repram.orchestrate.results.LimitThresholds.SEND_SLIP_P99_MICROS;
import static io.repram.orchestrate.results.LimitThresholds.STARVED_OUTAGE_SECONDS;

/**
 * Judges what limited a cell from its {@link LimitEvidence}, against
 * {@link io.repram.orchestrate.results.LimitThresholds}. Verdicts are tried in an order that puts
 * causes the figures cannot be trusted past first:
 * <ol>
 *   <li>errors / availability: failures or a node down dominate every other figure; except that a
 *       node that went quiet for no more than about one interval, with under 1% of its own requests
 *       failed, on a full host was starved, not down (on a 2-core machine with burners on both cores
 *       a node missed one whole second in three): then the host comes first and the gap is listed
 *       under "also";</li>
 *   <li>node CPU limit: Docker throttled a node, so the node measured its quota;</li>
 *   <li>load generator by its own CPU: its I/O threads used their cores, so it offered what it
 *       could, whatever else the host ran;</li>
 *   <li>host CPU: the machine was full, which starves generator and nodes alike;</li>
 *   <li>load generator by send slip or a saturated agent, on a host with room (on a full host the
 *       slip is the host's);</li>
 *   <li>node GC pauses;</li>
 *   <li>none found: the cluster's own work, or below saturation, from the previous step (closed loop:
 *       the throughput gain; open loop: the offered rate met, and the p99's growth against the rate's).</li>
 * </ol>
 */
public final class LimitAttribution {

    private LimitAttribution() {
    }

    public static CellLimit judge(LimitEvidence e) {
        List<String> fired = new ArrayList<>();
        List<String> why = new ArrayList<>();
        boolean host = above(e.hostCpuPercent(), HOST_CPU_PERCENT);
        boolean down = errors(e);
        boolean starvedNode = down && host && starved(e);
        if (down && !starvedNode) add(fired, why, CellLimit.ERRORS, errorsText(e));
        if (above(e.nodeThrottledPercent(), NODE_THROTTLED_PERCENT)) {
            add(fired, why, CellLimit.NODE_CPU_LIMIT, text("node %d was throttled in %.0f%% of its CPU periods "
                            + "(%.1f s throttled%s; bound %.0f%%)", e.throttledNode(), e.nodeThrottledPercent(),
                    orZero(e.nodeThrottledMicros()) / 1e6, e.nodeCpuLimitCores() == null ? ""
                            : text(", limit %s cores", trim(e.nodeCpuLimitCores())), NODE_THROTTLED_PERCENT));
        }
        boolean generatorCpu = above(e.generatorCpuPercent(), GENERATOR_CPU_PERCENT);
        if (generatorCpu) {
            add(fired, why, CellLimit.LOAD_GENERATOR, text("the generator's %d I/O thread(s) used %.0f%% of their "
                    + "cores (bound %.0f%%)", e.generatorThreads(), e.generatorCpuPercent(), GENERATOR_CPU_PERCENT));
        }
        if (host) {
            add(fired, why, CellLimit.HOST_CPU, text("the machine's CPU was %.0f%% busy over %d cores, all processes "
                    + "(bound %.0f%%)%s", e.hostCpuPercent(), e.hostCores(), HOST_CPU_PERCENT,
                    starvedNode ? text("; %s, for at most %.1f s at a time with %.2f%% of its requests "
                            + "failed: starved, not down", errorsText(e), e.worstNodeLongestOutageSeconds(),
                            e.worstNodeFailurePercent() == null ? 0 : e.worstNodeFailurePercent()) : ""));
            if (starvedNode) add(fired, why, CellLimit.ERRORS, errorsText(e));
        }
        String lag = generatorLag(e);
        if (lag != null && !generatorCpu) add(fired, why, CellLimit.LOAD_GENERATOR, lag);
        if (above(e.gcPausePercent(), GC_PAUSE_PERCENT)) {
            add(fired, why, CellLimit.NODE_PAUSES, text("node %d spent %.0f%% of the window in GC pauses (%.2f s; "
                    + "bound %.0f%%)", e.gcNode(), e.gcPausePercent(), orZero(e.gcPauseMicros()) / 1e6, GC_PAUSE_PERCENT));
        }
        if (fired.isEmpty()) return noneFound(e);
        // A later verdict that fired too (say slip on a full host, the host's doing) is listed under "also".
        String verdict = fired.get(0);
        return new CellLimit(verdict, sentence(verdict, why.get(0), e), fired.subList(1, fired.size())
                .stream().distinct().filter(v -> !v.equals(verdict)).toList(), e);
    }

    private static boolean errors(LimitEvidence e) {
        return e.errorPercent() >= ERROR_PERCENT || (e.worstNodeAvailabilityPercent() != null
                && e.worstNodeAvailabilityPercent() < NODE_AVAILABILITY_PERCENT);
    }

    /** Short gaps and no failures of note, on the worst node and overall: what a full host does to a node. */
    private static boolean starved(LimitEvidence e) {
        return e.errorPercent() < ERROR_PERCENT
                && (e.worstNodeFailurePercent() == null || e.worstNodeFailurePercent() < ERROR_PERCENT)
                && e.worstNodeLongestOutageSeconds() != null && e.worstNodeLongestOutageSeconds() <= STARVED_OUTAGE_SECONDS;
    }

    private static String errorsText(LimitEvidence e) {
        String down = e.worstNodeAvailabilityPercent() != null && e.worstNodeAvailabilityPercent() < NODE_AVAILABILITY_PERCENT
                ? text("node %d answered in only %.0f%% of the intervals (bound %.0f%%)", e.worstNode(),
                e.worstNodeAvailabilityPercent(), NODE_AVAILABILITY_PERCENT) : null;
        String failed = e.errorPercent() >= ERROR_PERCENT
                ? text("%.2f%% of requests failed (bound %.0f%%)", e.errorPercent(), ERROR_PERCENT) : null;
        return down == null ? failed : failed == null ? down : failed + " and " + down;
    }

    /** Send slip (open loop, where a late send is the generator's) or a saturated agent; null when neither. */
    private static String generatorLag(LimitEvidence e) {
        if (e.saturatedAgents() > 0) {
            return text("%d load agent(s) were saturated (%s)", e.saturatedAgents(), e.agentReason());
        }
        if (e.offeredRequestsPerSec() != null && e.sendSlipP99Micros() != null
                && e.sendSlipP99Micros() > SEND_SLIP_P99_MICROS) {
            return text("the generator sent 1%% of its requests over %.1f ms late (p99 send slip; bound %.0f ms)",
                    e.sendSlipP99Micros() / 1000.0, SEND_SLIP_P99_MICROS / 1000.0);
        }
        return null;
    }

    private static CellLimit noneFound(LimitEvidence e) {
        String checked = checked(e);
        if (e.offeredRequestsPerSec() != null && e.offeredRequestsPerSec() > 0) return openLoop(e, checked);
        if (e.previousConcurrency() != null && e.previousRequestsPerSec() != null && e.previousRequestsPerSec() > 0) {
            double gain = 100 * (e.requestsPerSec() / e.previousRequestsPerSec() - 1);
            String step = text("%s req/s against %s at %d workers (%+.0f%%), p99 %s ms against %s ms",
                    rate(e.requestsPerSec()), rate(e.previousRequestsPerSec()), e.previousConcurrency(),
                    gain, ms(e.p99Micros()), ms(orZero(e.previousP99Micros())));
            if (gain >= RISING_THROUGHPUT_PERCENT) {
                return new CellLimit(CellLimit.BELOW_SATURATION, text("Below saturation: no limit found (%s), and "
                        + "throughput still rose with more workers: %s.", checked, step), List.of(), e);
            }
            return new CellLimit(CellLimit.CLUSTER_WORK, text("The cluster's own work: no limit found (%s), and more "
                    + "workers gained under %.0f%%: %s.", checked, RISING_THROUGHPUT_PERCENT, step), List.of(), e);
        }
        return new CellLimit(CellLimit.NONE_FOUND, text("None found (%s); with no earlier concurrency step of this "
                + "size and payload, it cannot tell the cluster's own limit from load below saturation.", checked),
                List.of(), e);
    }

    /**
     * Open loop: short of the offered rate is the cluster's own work. Meeting it is below saturation,
     * unless the p99 grew much faster than the rate since the highest lower rate measured (the knee
     * of queueing: the cluster still keeps up, but only by letting requests wait).
     */
    private static CellLimit openLoop(LimitEvidence e, String checked) {
        double met = 100 * e.requestsPerSec() / e.offeredRequestsPerSec();
        String rates = text("%s of %s req/s, %.0f%%; bound %.0f%%", rate(e.requestsPerSec()),
                rate(e.offeredRequestsPerSec()), met, OFFERED_MET_PERCENT);
        if (met < OFFERED_MET_PERCENT) {
            return new CellLimit(CellLimit.CLUSTER_WORK, text("The cluster's own work: no limit found (%s), and the "
                    + "cluster fell short of the offered rate (%s).", checked, rates), List.of(), e);
        }
        if (e.previousRequestsPerSec() != null && e.previousRequestsPerSec() > 0 && e.previousP99Micros() != null
                && e.previousP99Micros() > 0) {
            double rateRatio = e.requestsPerSec() / e.previousRequestsPerSec();
            double p99Ratio = e.p99Micros() / (double) e.previousP99Micros();
            if (p99Ratio >= LATENCY_KNEE_FACTOR && p99Ratio >= LATENCY_KNEE_FACTOR * rateRatio) {
                return new CellLimit(CellLimit.CLUSTER_WORK, text("The cluster's own work: no limit found (%s); it met "
                                + "the offered rate (%s), but its p99 rose to %s ms from %s ms at %s req/s (×%.1f for "
                                + "×%.2f the rate; bound ×%.0f and ×%.0f the rate's): it keeps up by letting "
                                + "requests queue.", checked, rates, ms(e.p99Micros()), ms(e.previousP99Micros()),
                        rate(e.previousRequestsPerSec()), p99Ratio, rateRatio, LATENCY_KNEE_FACTOR,
                        LATENCY_KNEE_FACTOR), List.of(), e);
            }
        }
        return new CellLimit(CellLimit.BELOW_SATURATION, text("Below saturation: no limit found (%s), and the cluster "
                + "met the offered rate (%s).", checked, rates), List.of(), e);
    }

    /** The figures that were checked and stayed below their bounds, in short. */
    private static String checked(LimitEvidence e) {
        List<String> parts = new ArrayList<>();
        parts.add(e.hostCpuPercent() == null ? "host CPU unknown" : text("host CPU %.0f%%", e.hostCpuPercent()));
        if (e.generatorCpuPercent() != null) parts.add(text("generator CPU %.0f%%", e.generatorCpuPercent()));
        if (e.sendSlipP99Micros() != null) parts.add(text("send slip p99 %.1f ms", e.sendSlipP99Micros() / 1000.0));
        parts.add(e.nodeThrottledPercent() == null ? "no throttling counters"
                : text("throttled %.0f%%", e.nodeThrottledPercent()));
        parts.add(e.gcPausePercent() == null ? "GC pauses unknown" : text("GC pauses %.1f%%", e.gcPausePercent()));
        parts.add(text("errors %.2f%%", e.errorPercent()));
        return String.join(", ", parts);
    }

    private static String sentence(String verdict, String why, LimitEvidence e) {
        String gc = e.gcPausePercent() == null && !CellLimit.NODE_PAUSES.equals(verdict) ? "; GC pauses unknown" : "";
        return Character.toUpperCase(CellLimit.label(verdict).charAt(0)) + CellLimit.label(verdict).substring(1)
                + ": " + why + gc + ".";
    }

    private static void add(List<String> fired, List<String> why, String verdict, String reason) {
        fired.add(verdict);
        why.add(reason);
    }

    private static boolean above(Double value, double bound) {
        return value != null && value >= bound;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    private static String rate(double perSecond) {
        return perSecond >= 100 ? text("%,.0f", perSecond) : text("%.1f", perSecond);
    }

    private static String ms(long micros) {
        return text("%.1f", micros / 1000.0);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String text(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
