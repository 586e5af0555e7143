package io.repram.orchestrate.run;

import io.repram.orchestrate.load.AcknowledgedWrites;
import io.repram.orchestrate.load.AcknowledgedWrites.Write;
import io.repram.orchestrate.load.LoadGenerator;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.results.AuditFigures;
import io.repram.orchestrate.scenario.Workload;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void acknowledgedWritesAreCheckedOnEveryNodeAndLossesAndCorruptionCounted() throws Exception {
        try (FakeNode a = new FakeNode(); FakeNode b = new FakeNode()) {
            AcknowledgedWrites acked;
            URI target = a.endpoint(0).baseUri();
            try (LoadGenerator gen = new LoadGenerator(LoadSpec.of(List.of(target),
                    new Workload(100, 300, 400, 300, Workload.Targets.ALL), 2, 64, Duration.ZERO, Duration.ofMillis(700),
                    Duration.ofSeconds(2), 5))) {
                gen.run(iv -> { });
                acked = gen.acknowledgedWrites();
            }
            assertTrue(acked.writes().size() > 20, "acknowledged: " + acked.writes().size());
            for (Write w : acked.writes()) {
                assertArrayEquals(a.stored.get(w.key()), acked.payload(w.payloadIndex()), w.key());
            }
            WriteAudit audit = new WriteAudit();
            AuditFigures clean = audit.audit(acked, List.of(a.endpoint(0)), 1);
            assertEquals(new AuditFigures(acked.writes().size(), acked.writes().size(), List.of(0),
                    acked.writes().size(), 0, 0, 0), clean);

            // Node b got all but two keys, and one of them with other bytes.
            b.stored.putAll(a.stored);
            List<String> keys = acked.writes().stream().map(Write::key).toList();
            b.stored.remove(keys.get(0));
            b.stored.remove(keys.get(1));
            b.stored.put(keys.get(2), "not the payload".getBytes());
            AuditFigures damaged = audit.audit(acked, List.of(a.endpoint(0), b.endpoint(1)), 1);
            assertEquals(2L * keys.size(), damaged.reads());
            assertEquals(2, damaged.lostWrites());
            assertEquals(1, damaged.corruptReads());
            assertEquals(0, damaged.failedReads());
        }
    }
}
