package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellLimit;
import io.repram.orchestrate.results.LimitEvidence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each verdict from known evidence, just below and at/above its bound, and their order. */
class LimitAttributionTest {

    /** Evidence with every figure measured and well inside its bound. */
    static final class E {
        Double host = 40.0;
        Double generatorCpu = 30.0;
        Double offered;
        Long slipP99 = 300L;
        int saturatedAgents;
        Double throttled = 0.0;
        Double gc = 1.0;
        double errors;
        Double availability = 100.0;
        Double nodeFailures = 0.0;
        Double longestOutage = 0.0;
        double rps = 1000;
        Integer previousConcurrency;
        Double previousRps;
        long p99 = 8000;
        Long previousP99;

        LimitEvidence build() {
            return new LimitEvidence(10, host, 2, 2, generatorCpu, 60.0, offered, slipP99, slipP99 == null ? null : 2 * slipP99,
                    saturatedAgents, saturatedAgents > 0 ? "CPU averaged 95% of 1.0 core(s) (limit set)" : null, 0.5,
                    throttled, throttled == null ? null : 1000L, throttled == null ? null : 1, gc,
                    gc == null ? null : 100_000L, gc == null ? null : 0, errors, 0, availability, nodeFailures, longestOutage, rps, p99,
                    previousConcurrency, previousRps, previousP99 != null ? previousP99 : previousRps == null ? null : 6000L);
        }

        CellLimit judge() {
            return LimitAttribution.judge(build());
        }
    }

    @Test
    void hostCpuFiresAtItsBound() {
        E e = new E();
        e.host = 89.9;
        assertEquals(CellLimit.NONE_FOUND, e.judge().verdict());
        e.host = 90.0;
        CellLimit l = e.judge();
        assertEquals(CellLimit.HOST_CPU, l.verdict());
        assertEquals("Host CPU: the machine's CPU was 90% busy over 2 cores, all processes (bound 90%).", l.summary());
        assertTrue(l.hostBound());
    }

    @Test
    void generatorCpuFiresAtItsBoundAndComesBeforeTheHost() {
        E e = new E();
        e.generatorCpu = 89.9;
        assertEquals(CellLimit.NONE_FOUND, e.judge().verdict());
        e.generatorCpu = 90.0;
        e.host = 95.0;
        CellLimit l = e.judge();
        assertEquals(CellLimit.LOAD_GENERATOR, l.verdict());
        assertEquals(List.of(CellLimit.HOST_CPU), l.also());
        assertTrue(l.summary().contains("I/O thread(s) used 90% of their cores"), l.summary());
    }

    @Test
    void sendSlipCountsOnlyForAnOpenLoopAndOnlyAboveTenMs() {
        E e = new E();
        e.slipP99 = 50_000L;
        assertEquals(CellLimit.NONE_FOUND, e.judge().verdict(), "closed loop: slip is not judged");
        e.offered = 2000.0;
        e.rps = 1990;
        e.slipP99 = 10_000L;
        assertEquals(CellLimit.BELOW_SATURATION, e.judge().verdict(), "at the bound does not fire");
        e.slipP99 = 10_001L;
        CellLimit l = e.judge();
        assertEquals(CellLimit.LOAD_GENERATOR, l.verdict());
        assertTrue(l.summary().contains("over 10.0 ms late"), l.summary());
    }

    @Test
    void slipOnAFullHostIsTheHostsWithTheGeneratorAlsoListed() {
        E e = new E();
        e.offered = 2000.0;
        e.slipP99 = 40_000L;
        e.host = 97.0;
        CellLimit l = e.judge();
        assertEquals(CellLimit.HOST_CPU, l.verdict());
        assertEquals(List.of(CellLimit.LOAD_GENERATOR), l.also());
    }

    @Test
    void aSaturatedAgentIsTheGenerator() {
        E e = new E();
        e.saturatedAgents = 1;
        CellLimit l = e.judge();
        assertEquals(CellLimit.LOAD_GENERATOR, l.verdict());
        assertTrue(l.summary().contains("1 load agent(s) were saturated (CPU averaged 95%"), l.summary());
    }

    @Test
    void throttlingFiresAtItsBoundAndComesBeforeTheHost() {
        E e = new E();
        e.throttled = 24.9;
        assertEquals(CellLimit.NONE_FOUND, e.judge().verdict());
        e.throttled = 25.0;
        e.host = 99.0;
        CellLimit l = e.judge();
        assertEquals(CellLimit.NODE_CPU_LIMIT, l.verdict());
        assertTrue(l.summary().contains("node 1 was throttled in 25% of its CPU periods"), l.summary());
        assertTrue(l.summary().contains("limit 0.5 cores"), l.summary());
        assertTrue(l.hostBound(), "host CPU is still listed");
    }

    @Test
    void gcPausesFireAtTheirBoundAndAreUnknownWithoutTheMetric() {
        E e = new E();
        e.gc = 9.9;
        assertEquals(CellLimit.NONE_FOUND, e.judge().verdict());
        e.gc = 10.0;
        CellLimit l = e.judge();
        assertEquals(CellLimit.NODE_PAUSES, l.verdict());
        assertTrue(l.summary().contains("node 0 spent 10% of the window in GC pauses"), l.summary());
        e.gc = null;
        e.host = 95.0;
        assertTrue(e.judge().summary().endsWith("; GC pauses unknown."), e.judge().summary());
        e.host = 10.0;
        assertTrue(e.judge().summary().contains("GC pauses unknown"), e.judge().summary());
    }

    @Test
    void errorsAndANodeDownComeFirst() {
        E e = new E();
        e.errors = 0.99;
        e.availability = 90.0;
        assertEquals(CellLimit.NONE_FOUND, e.judge().verdict());
        e.errors = 1.0;
        e.host = 95.0;
        CellLimit l = e.judge();
        assertEquals(CellLimit.ERRORS, l.verdict());
        assertEquals(List.of(CellLimit.HOST_CPU), l.also());
        e.errors = 0;
        e.availability = 89.9;
        assertTrue(e.judge().summary().contains("node 0 answered in only 90% of the intervals"), e.judge().summary());
    }

    @Test
    void aNodeQuietWithoutFailuresOnAFullHostWasStarvedSoTheHostComesFirst() {
        E e = new E();
        e.host = 100.0;
        e.availability = 67.0;
        e.longestOutage = 1.0;
        CellLimit l = e.judge();
        assertEquals(CellLimit.HOST_CPU, l.verdict(), l.summary());
        assertEquals(List.of(CellLimit.ERRORS), l.also());
        assertTrue(l.summary().contains("; node 0 answered in only 67% of the intervals (bound 90%), for at most "
                + "1.0 s at a time with 0.00% of its requests failed: starved, not down"), l.summary());
        // Failed requests are a node down whatever the host did: overall, or only the quiet node's own.
        e.errors = 1.0;
        assertEquals(CellLimit.ERRORS, e.judge().verdict());
        e.errors = 0.006;
        e.nodeFailures = 2.3;
        assertEquals(CellLimit.ERRORS, e.judge().verdict(), "3 of 129 failed on the node while 311,000 went elsewhere");
        e.nodeFailures = 0.0;
        // A gap longer than about one interval is a node that stopped, not one the host slowed.
        e.longestOutage = 2.0;
        assertEquals(CellLimit.ERRORS, e.judge().verdict());
        e.longestOutage = 1.5;
        assertEquals(CellLimit.HOST_CPU, e.judge().verdict());
        e.longestOutage = 1.0;
        // A quiet node on a host with room is down.
        e.errors = 0;
        e.host = 89.9;
        assertEquals(CellLimit.ERRORS, e.judge().verdict());
        // A full host with every node answering says nothing of starvation.
        e.host = 100.0;
        e.availability = 100.0;
        assertEquals("Host CPU: the machine's CPU was 100% busy over 2 cores, all processes (bound 90%).",
                e.judge().summary());
    }

    @Test
    void withNothingFoundThePreviousStepTellsBelowSaturationFromTheClustersWork() {
        E e = new E();
        e.previousConcurrency = 10;
        e.previousRps = 1000 / 1.10;
        CellLimit rising = e.judge();
        assertEquals(CellLimit.BELOW_SATURATION, rising.verdict());
        assertTrue(rising.summary().contains("1,000 req/s against 909 at 10 workers (+10%), p99 8.0 ms against 6.0 ms"),
                rising.summary());
        e.previousRps = 1000 / 1.099;
        assertEquals(CellLimit.CLUSTER_WORK, e.judge().verdict());
    }

    @Test
    void anOpenLoopWithoutAPreviousStepIsJudgedByTheOfferedRate() {
        E e = new E();
        e.offered = 1000.0;
        e.rps = 950;
        assertEquals(CellLimit.BELOW_SATURATION, e.judge().verdict());
        e.rps = 949;
        CellLimit l = e.judge();
        assertEquals(CellLimit.CLUSTER_WORK, l.verdict());
        assertTrue(l.summary().contains("fell short of the offered rate (949 of 1,000 req/s, 95%"), l.summary());
    }

    /** An open-loop probe at {@code offered} req/s after one at the highest lower rate, as a search runs them. */
    private static E openLoop(double previousRps, long previousP99Micros, double offered, double rps, long p99Micros) {
        E e = new E();
        e.previousConcurrency = 128;
        e.previousRps = previousRps;
        e.previousP99 = previousP99Micros;
        e.offered = offered;
        e.rps = rps;
        e.p99 = p99Micros;
        return e;
    }

    @Test
    void anOpenLoopThatKeepsUpOnlyByQueueingIsTheClustersOwnWork() {
        // A real search's probes on 1 node: 12,000 req/s at p99 13.32 ms, then 12,400 at p99 77 ms.
        E e = openLoop(11_995, 13_320, 12_400, 12_378, 77_000);
        CellLimit l = e.judge();
        assertEquals(CellLimit.CLUSTER_WORK, l.verdict(), l.summary());
        assertTrue(l.summary().contains("it met the offered rate (12,378 of 12,400 req/s, 100%; bound 95%), but its "
                + "p99 rose to 77.0 ms from 13.3 ms at 11,995 req/s (×5.8 for ×1.03 the rate"), l.summary());
        // Either side of the bound: ×1.95 is not a knee, ×2.10 (for ×1.03 the rate) is.
        e.p99 = 26_000;
        assertEquals(CellLimit.BELOW_SATURATION, e.judge().verdict(), e.judge().summary());
        e.p99 = 28_000;
        assertEquals(CellLimit.CLUSTER_WORK, e.judge().verdict(), e.judge().summary());
    }

    @Test
    void aDoublingLaddersNoiseIsNotAKnee() {
        // Seen on a warming node: 400 req/s at p99 4.11 ms, then 800 at 14.1 ms (×3.4 for ×2 the rate).
        E e = openLoop(399, 4_110, 800, 799, 14_100);
        assertEquals(CellLimit.BELOW_SATURATION, e.judge().verdict(), e.judge().summary());
        e.p99 = 16_500;
        assertEquals(CellLimit.CLUSTER_WORK, e.judge().verdict(), "×4.0 for ×2.0 the rate is a knee");
    }

    @Test
    void unmeasuredFiguresNeverFire() {
        E e = new E();
        e.host = null;
        e.generatorCpu = null;
        e.slipP99 = null;
        e.throttled = null;
        e.gc = null;
        e.availability = null;
        CellLimit l = e.judge();
        assertEquals(CellLimit.NONE_FOUND, l.verdict());
        assertTrue(l.summary().contains("host CPU unknown, no throttling counters, GC pauses unknown"), l.summary());
    }
}
