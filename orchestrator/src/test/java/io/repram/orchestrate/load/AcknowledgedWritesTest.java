package io.repram.orchestrate.load;

import io.repram.orchestrate.load.AcknowledgedWrites.Write;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.scenario.Workload;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every acknowledged key of a whole run reaches the audit, not only the latest 10,000. */
class AcknowledgedWritesTest {

    @Test
    void everyAcknowledgedKeyOfTheRunIsKeptFarBeyondTenThousand() {
        long base = System.nanoTime();
        AcknowledgedKeys loopA = new AcknowledgedKeys(0, 60_000, base, 1);
        AcknowledgedKeys loopB = new AcknowledgedKeys(0, 60_000, base, 2);
        for (int key = 0; key < 50_000; key++) {
            (key % 2 == 0 ? loopA : loopB).add(key, base + key * 1000L);
        }
        // Key 7 is acknowledged again later: one entry, expiring from the later acknowledgement.
        loopA.add(7, base + 60_000_000_000L);
        AcknowledgedWrites acked = AcknowledgedWrites.of(List.of(loopA, loopB), new Payloads(16, 3), 60_000, 300);
        assertEquals(50_000, acked.writes().size());
        assertFalse(acked.sampled());
        assertEquals(50_001, acked.acknowledgements());
        Write seven = acked.writes().stream().filter(w -> w.key().equals("lg-00007")).findFirst().orElseThrow();
        Write eight = acked.writes().stream().filter(w -> w.key().equals("lg-00008")).findFirst().orElseThrow();
        assertTrue(seven.expiresEpochMillis() - eight.expiresEpochMillis() >= 59_000, seven + " vs " + eight);
    }

    @Test
    void aKeyRangeAboveTheLimitIsAUniformSampleOfTheWholeRun() {
        long base = System.nanoTime();
        AcknowledgedKeys loop = new AcknowledgedKeys(0, 1_000_000, base, 5, 1000, 500);
        for (int key = 0; key < 100_000; key++) {
            loop.add(key, base + key);
        }
        AcknowledgedWrites acked = AcknowledgedWrites.of(List.of(loop), new Payloads(16, 3), 1_000_000, 300);
        assertTrue(acked.sampled());
        assertEquals(100_000, acked.acknowledgements());
        assertEquals(500, acked.writes().size());
        // Uniform over the run: the first and the second half are both represented, about equally.
        long early = acked.writes().stream().filter(w -> Integer.parseInt(w.key().substring(3)) < 50_000).count();
        assertTrue(early > 180 && early < 320, "sampled from the first half: " + early + " of 500");
    }

    @Test
    void theAcknowledgedKeysAreExactlyTheKeysTheServerStored() throws Exception {
        try (KeyValueTestServer server = new KeyValueTestServer(false, 4);
             LoadGenerator generator = new LoadGenerator(LoadSpec.of(List.of(server.uri()), new Workload(100, 300, 200_000, null, Workload.Targets.ALL), 8, 32,
                     Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(5), 11))) {
            LoadFigures figures = generator.run(iv -> { });
            assertEquals(0, figures.failures(), () -> "failures: " + figures.errorsByClass());
            Set<String> acked = generator.acknowledgedWrites().writes().stream().map(Write::key)
                    .collect(Collectors.toSet());
            // The server may have stored the few PUTs in flight when the run ended without them being counted.
            Set<String> stored = new HashSet<>(server.stored.keySet());
            assertTrue(stored.containsAll(acked));
            assertTrue(stored.size() - acked.size() <= 8, "stored " + stored.size() + ", acknowledged " + acked.size());
        }
    }

    @Test
    void aRefusedTargetShowsAsAnUnavailableNodeWithEveryFailedConnectCounted() throws Exception {
        URI dead = URI.create("http://127.0.0.1:" + freePort());
        try (KeyValueTestServer server = new KeyValueTestServer(false, 4);
             LoadGenerator generator = new LoadGenerator(LoadSpec.of(List.of(server.uri(), dead), new Workload(100, 300, 1000, 200, Workload.Targets.ALL), 4, 32,
                     Duration.ZERO, Duration.ofMillis(2500), Duration.ofSeconds(1), 3))) {
            LoadFigures f = generator.run(iv -> { });
            assertEquals(2, f.nodes().size());
            var live = f.nodes().get(0);
            var gone = f.nodes().get(1);
            assertEquals(100.0, live.availabilityPercent(), live.toString());
            assertEquals(0.0, gone.availabilityPercent(), gone.toString());
            assertTrue(gone.intervals() >= 2, gone.toString());
            // Open loop: the dead node's connections reconnect with a request on them, every 100 ms each.
            assertTrue(gone.attempts() >= 10 && gone.failures() == gone.attempts(), gone.toString());
            assertEquals(gone.failures(), (long) gone.errorsByClass().get("connect"), gone.toString());
            assertEquals(f.failures(), live.failures() + gone.failures());
            assertEquals(f.requests(), live.attempts() + gone.attempts());
            assertEquals(1, f.worstNode().orElseThrow().node());
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
