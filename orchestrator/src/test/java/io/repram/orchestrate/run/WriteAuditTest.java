package io.repram.orchestrate.run;

import io.repram.orchestrate.load.AcknowledgedWrites;
import io.repram.orchestrate.load.AcknowledgedWrites.Write;
import io.repram.orchestrate.load.LoadGenerator;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.results.AuditFigures;
import io.repram.orchestrate.scenario.Workload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteAuditTest {

    @Test
    void aReadIsJudgedByStatusAndBytes() {
        byte[] payload = {1, 2, 3};
        assertEquals(WriteAudit.Verdict.OK, WriteAudit.judge(200, new byte[]{1, 2, 3}, payload));
        assertEquals(WriteAudit.Verdict.CORRUPT, WriteAudit.judge(200, new byte[]{1, 2, 4}, payload));
        assertEquals(WriteAudit.Verdict.CORRUPT, WriteAudit.judge(200, new byte[]{1, 2}, payload));
        assertEquals(WriteAudit.Verdict.LOST, WriteAudit.judge(404, new byte[0], payload));
        assertEquals(WriteAudit.Verdict.FAILED, WriteAudit.judge(503, new byte[0], payload));
    }

    @Test
    void theSampleSkipsKeysNearTheirTtlAndIsCapped() {
        long now = 1_000_000;
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < 3000; i++) writes.add(new Write("k" + i, 0, now + 300_000));
        writes.add(new Write("expiring", 0, now + WriteAudit.EXPIRY_MARGIN_MILLIS - 1));
        List<Write> sample = WriteAudit.sample(writes, 1000, now, 7);
        assertEquals(1000, sample.size());
        assertEquals(1000, new HashSet<>(sample).size());
        assertTrue(sample.stream().noneMatch(w -> w.key().equals("expiring")));
        assertEquals(sample, WriteAudit.sample(writes, 1000, now, 7));
        assertEquals(3000, WriteAudit.sample(writes, 5000, now, 7).size());
    }

    @Test
    void everyAcknowledgedKeyIsLookedUpOnEveryNodeAndLossCountedInKeys() throws Exception {
        try (FakeNode a = new FakeNode(); FakeNode b = new FakeNode()) {
            AcknowledgedWrites acked = write(a);
            List<String> keys = acked.writes().stream().map(Write::key).toList();
            WriteAudit audit = new WriteAudit();
            AuditFigures clean = audit.audit(acked, List.of(a.endpoint(0)), 1);
            assertEquals(keys.size(), clean.acknowledgedKeys());
            assertEquals(keys.size(), clean.checkedKeys());
            assertEquals(List.of(0), clean.checkedNodes());
            assertEquals(keys.size(), clean.reads());
            assertEquals(0, clean.lostWrites());
            assertEquals(0, clean.corruptReads());
            assertEquals(0, clean.failedReads());
            assertEquals(List.of(new AuditFigures.NodeReplicas(0, "per_key", 0, List.of())), clean.missingReplicas());
            assertNull(clean.sample());

            // Node b got all but two keys, and two of them with other bytes: a still serves every key,
            // so nothing is lost, but b misses two replicas.
            b.stored.putAll(a.stored);
            b.stored.remove(keys.get(0));
            b.stored.remove(keys.get(1));
            // An older, shorter value, as a replica that missed an overwrite keeps; and one byte damaged.
            byte[] written2 = a.stored.get(keys.get(2));
            b.stored.put(keys.get(2), java.util.Arrays.copyOf(written2, 40));
            byte[] damagedBytes = a.stored.get(keys.get(3)).clone();
            damagedBytes[10] ^= 1;
            b.stored.put(keys.get(3), damagedBytes);
            AuditFigures damaged = audit.audit(acked, List.of(a.endpoint(0), b.endpoint(1)),
                    Map.of(1, List.of("pause node 1 at 1.00 s")), 1);
            assertEquals(0, damaged.lostWrites());
            assertEquals(List.of(new AuditFigures.NodeReplicas(0, "per_key", 0, List.of()),
                    new AuditFigures.NodeReplicas(1, "per_key", 2, List.of("pause node 1 at 1.00 s"))),
                    damaged.missingReplicas());
            assertEquals(2L * keys.size() - 2, damaged.reads(), "content reads only where the key is served");
            assertEquals(2, damaged.corruptReads());
            assertEquals(List.of(new AuditFigures.Mismatch(1, keys.get(2), 64, 40, 40),
                    new AuditFigures.Mismatch(1, keys.get(3), 64, 64, 10)), damaged.mismatches());
            assertEquals(0, damaged.failedReads());
            assertTrue(damaged.settleMillis() >= 2000, "the missing keys are looked up again: " + damaged);

            // A key that neither node serves is lost: one key, however many nodes miss it.
            a.stored.remove(keys.get(0));
            AuditFigures lost = audit.audit(acked, List.of(a.endpoint(0), b.endpoint(1)), 1);
            assertEquals(1, lost.lostWrites());
            assertEquals(3, lost.missingReplicasTotal());
        }
    }

    @Test
    void theKeyListingIsUsedWhereANodeHasItAndAgreesWithPerKeyReads() throws Exception {
        try (FakeNode a = new FakeNode(true); FakeNode dead = new FakeNode(true)) {
            AcknowledgedWrites acked = write(a);
            List<String> keys = acked.writes().stream().map(Write::key).toList();
            a.stored.remove(keys.get(5));
            a.stored.put("other-key", new byte[1]);
            var deadEndpoint = dead.endpoint(1);
            dead.close();
            long getsBefore = a.dataGets.get();
            AuditFigures f = new WriteAudit().audit(acked, List.of(a.endpoint(0), deadEndpoint), 1);
            assertEquals(1, f.lostWrites());
            assertEquals(new AuditFigures.NodeReplicas(0, "listing", 1, List.of()), f.missingReplicas().get(0));
            assertEquals(new AuditFigures.NodeReplicas(1, "unreachable", keys.size(), List.of()), f.missingReplicas().get(1));
            assertEquals(List.of(0), f.checkedNodes());
            // Presence came from the listing: the only GETs were the byte comparisons.
            assertEquals(f.reads(), a.dataGets.get() - getsBefore);
            assertEquals(keys.size() - 1, f.reads());
        }
    }

    @Test
    void theSampleBoundIsTheWilsonUpperBound() {
        assertEquals(0.3827, WriteAudit.wilsonUpper95Percent(0, 1000), 0.001);
        assertEquals(1.831, WriteAudit.wilsonUpper95Percent(10, 1000), 0.001);
        assertEquals(100, WriteAudit.wilsonUpper95Percent(0, 0));
    }

    private static AcknowledgedWrites write(FakeNode node) {
        try (LoadGenerator gen = new LoadGenerator(LoadSpec.of(List.of(node.endpoint(0).baseUri()),
                new Workload(100, 300, 400, 300, Workload.Targets.ALL), 2, 64, Duration.ZERO, Duration.ofMillis(1500),
                Duration.ofSeconds(2), 5))) {
            gen.run(iv -> { });
            AcknowledgedWrites acked = gen.acknowledgedWrites();
            assertTrue(acked.writes().size() > 20, "acknowledged: " + acked.writes().size());
            for (Write w : acked.writes()) {
                assertArrayEquals(node.stored.get(w.key()), acked.payload(w.payloadIndex()), w.key());
            }
            return acked;
        }
    }
}
