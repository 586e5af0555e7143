package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.load.AcknowledgedWrites;
import io.repram.orchestrate.load.AcknowledgedWrites.Write;
import io.repram.orchestrate.results.AuditFigures;
import io.repram.orchestrate.results.AuditFigures.NodeReplicas;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * REPRAM's promise, checked at the end of a cell: every key answered 201 is served, with the same
 * bytes, by every node until its TTL. Counts keys, not reads: looks up every acknowledged key on
 * every node (see {@link KeyPresence}), looks again at the missing ones after a second and after
 * two, because the very last writes may still be travelling; then reads a sample of the keys from
 * every node that serves them to compare the bytes.
 */
public final class WriteAudit {

    /** Keys whose bytes are compared per cell. */
    public static final int SAMPLE_KEYS = 1000;
    /** Corrupt reads kept with their details per cell; the count has them all. */
    static final int MISMATCHES_KEPT = 10;
    /** Keys this close to their TTL are left out: the node's clock started before the acknowledgement. */
    static final long EXPIRY_MARGIN_MILLIS = 10_000;
    /** Pauses before the looks again at missing keys: together the settle time for convergence. */
    static final long[] SETTLE_STEPS_MILLIS = {1000, 1000};
    private static final int MAX_IN_FLIGHT = 16;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final double Z_95 = 1.959964;

    /** What one read says about one acknowledged write. */
    public enum Verdict { OK, LOST, CORRUPT, FAILED }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final KeyPresence presence = new KeyPresence(http);

    /** Judges one read: 404 is a lost write, 200 with other bytes a corrupt read, anything else a failed read. */
    public static Verdict judge(int status, byte[] body, byte[] expected) {
        if (status == 404) return Verdict.LOST;
        if (status != 200) return Verdict.FAILED;
        return Arrays.equals(body, expected) ? Verdict.OK : Verdict.CORRUPT;
    }

    /** The writes whose TTL (minus a margin) has not run out at {@code nowMillis}. */
    static List<Write> live(List<Write> writes, long nowMillis) {
        List<Write> live = new ArrayList<>();
        for (Write w : writes) {
            if (w.expiresEpochMillis() - EXPIRY_MARGIN_MILLIS > nowMillis) live.add(w);
        }
        return live;
    }

    /**
     * Up to {@code max} writes whose TTL (minus a margin) has not run out at {@code nowMillis},
     * chosen at random with {@code seed} when there are more.
     */
    public static List<Write> sample(List<Write> writes, int max, long nowMillis, long seed) {
        List<Write> live = live(writes, nowMillis);
        if (live.size() <= max) return live;
        Collections.shuffle(live, new Random(seed));
        return List.copyOf(live.subList(0, max));
    }

    /** The 95% Wilson score upper bound of a share observed as {@code hits} of {@code n}, in percent. */
    public static double wilsonUpper95Percent(long hits, long n) {
        if (n == 0) return 100;
        double p = (double) hits / n;
        double z2 = Z_95 * Z_95;
        double centre = p + z2 / (2 * n);
        double margin = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.min(100, 100 * (centre + margin) / (1 + z2 / n));
    }

    /** Audits every node, without fault annotations. */
    public AuditFigures audit(AcknowledgedWrites acknowledged, List<NodeEndpoint> nodes, long seed)
            throws InterruptedException {
        return audit(acknowledged, nodes, Map.of(), seed);
    }

    /**
     * Looks up every acknowledged key on every node, then compares the bytes of a sample.
     *
     * @param faults per node index, the faults that touched it in the cell (shown next to its missing keys)
     */
    public AuditFigures audit(AcknowledgedWrites acknowledged, List<NodeEndpoint> nodes,
                              Map<Integer, List<String>> faults, long seed) throws InterruptedException {
        long startNanos = System.nanoTime();
        List<Write> live = live(acknowledged.writes(), System.currentTimeMillis());
        List<String> keys = live.stream().map(Write::key).toList();
        Map<String, Integer> index = new HashMap<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) index.put(keys.get(i), i);
        BitSet all = new BitSet(keys.size());
        all.set(0, keys.size());

        KeyPresence.Result[] found = new KeyPresence.Result[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            found[n] = presence.read(nodes.get(n).baseUri(), AcknowledgedWrites.KEY_PREFIX, keys, index, all);
        }
        for (long pause : SETTLE_STEPS_MILLIS) {
            if (!anyMissing(found, keys.size())) break;
            Thread.sleep(pause);
            for (int n = 0; n < nodes.size(); n++) {
                if (found[n].method() == KeyPresence.Method.UNREACHABLE || found[n].present().cardinality() == keys.size()) {
                    continue;
                }
                BitSet missing = (BitSet) all.clone();
                missing.andNot(found[n].present());
                KeyPresence.Result again = presence.read(nodes.get(n).baseUri(), AcknowledgedWrites.KEY_PREFIX, keys,
                        index, missing);
                if (again.method() == KeyPresence.Method.UNREACHABLE) continue;
                again.present().or(found[n].present());
                found[n] = new KeyPresence.Result(found[n].method(), again.present(), again.unanswered());
            }
        }
        long settleMillis = (System.nanoTime() - startNanos) / 1_000_000;

        BitSet served = new BitSet(keys.size());
        List<NodeReplicas> replicas = new ArrayList<>();
        List<Integer> answered = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            int node = nodes.get(n).index();
            served.or(found[n].present());
            replicas.add(new NodeReplicas(node, found[n].method().name().toLowerCase(java.util.Locale.ROOT),
                    keys.size() - found[n].present().cardinality(), faults.getOrDefault(node, List.of())));
            if (found[n].method() != KeyPresence.Method.UNREACHABLE) answered.add(node);
        }
        long lost = keys.size() - served.cardinality();

        Compared content = compareBytes(acknowledged, live, nodes, found, seed);
        AuditFigures.Sample sample = acknowledged.sampled() ? new AuditFigures.Sample(acknowledged.acknowledgements(),
                acknowledged.writes().size(), keys.isEmpty() ? 0 : 100.0 * lost / keys.size(),
                wilsonUpper95Percent(lost, keys.size())) : null;
        return new AuditFigures(acknowledged.writes().size(), keys.size(), answered, content.reads(), lost,
                content.corrupt(), content.failed(), replicas, settleMillis, sample, content.mismatches());
    }

    private static boolean anyMissing(KeyPresence.Result[] found, int keys) {
        for (KeyPresence.Result r : found) {
            if (r.method() != KeyPresence.Method.UNREACHABLE && r.present().cardinality() < keys) return true;
        }
        return false;
    }

    /** The byte-for-byte check: reads made, corrupt and failed ones, the first {@link #MISMATCHES_KEPT} corrupt ones. */
    private record Compared(long reads, long corrupt, long failed, List<AuditFigures.Mismatch> mismatches) {
    }

    /** Reads up to {@link #SAMPLE_KEYS} keys from every node that serves them. */
    private Compared compareBytes(AcknowledgedWrites acknowledged, List<Write> live, List<NodeEndpoint> nodes,
                                  KeyPresence.Result[] found, long seed) throws InterruptedException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) order.add(i);
        if (order.size() > SAMPLE_KEYS) {
            Collections.shuffle(order, new Random(seed));
            order = order.subList(0, SAMPLE_KEYS);
        }
        List<Read> reads = new ArrayList<>();
        for (int i : order) {
            Write w = live.get(i);
            byte[] expected = acknowledged.payload(w.payloadIndex());
            for (int n = 0; n < nodes.size(); n++) {
                if (found[n].present().get(i)) {
                    reads.add(new Read(nodes.get(n).index(), nodes.get(n).baseUri(), w.key(), expected));
                }
            }
        }
        long corrupt = 0;
        long failed = 0;
        List<AuditFigures.Mismatch> mismatches = new ArrayList<>();
        for (Judged j : readAll(reads)) {
            // A key that expired or was evicted between listing and reading is neither corrupt nor failed.
            if (j.verdict() == Verdict.CORRUPT) {
                corrupt++;
                if (mismatches.size() < MISMATCHES_KEPT) mismatches.add(j.mismatch());
            }
            if (j.verdict() == Verdict.FAILED) failed++;
        }
        return new Compared(reads.size(), corrupt, failed, mismatches);
    }

    private record Read(int node, URI base, String key, byte[] expected) {
    }

    /** A read's verdict; for a corrupt one, how its bytes differed. */
    private record Judged(Verdict verdict, AuditFigures.Mismatch mismatch) {
        static Judged of(Read r, int status, byte[] body) {
            Verdict v = judge(status, body, r.expected());
            return new Judged(v, v == Verdict.CORRUPT ? AuditFigures.Mismatch.of(r.node(), r.key(), r.expected(), body)
                    : null);
        }
    }

    /** Reads with a few requests in flight at a time; the verdicts come back in the order of {@code reads}. */
    private List<Judged> readAll(List<Read> reads) throws InterruptedException {
        Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
        List<CompletableFuture<Judged>> futures = new ArrayList<>(reads.size());
        for (Read r : reads) {
            slots.acquire();
            HttpRequest req = HttpRequest.newBuilder(r.base().resolve("/v1/data/" + r.key()))
                    .timeout(READ_TIMEOUT).GET().build();
            futures.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(resp -> Judged.of(r, resp.statusCode(), resp.body()))
                    .exceptionally(e -> new Judged(Verdict.FAILED, null))
                    .whenComplete((v, e) -> slots.release()));
        }
        List<Judged> out = new ArrayList<>(futures.size());
        for (CompletableFuture<Judged> f : futures) out.add(f.join());
        return out;
    }
}
