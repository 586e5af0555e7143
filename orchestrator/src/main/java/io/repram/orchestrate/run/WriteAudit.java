package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.load.AcknowledgedWrites;
import io.repram.orchestrate.load.AcknowledgedWrites.Write;
import io.repram.orchestrate.results.AuditFigures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * REPRAM's promise, checked at the end of a cell: every key answered 201 is readable with the same
 * bytes on every healthy node until its TTL. Reads a sample of the acknowledged keys from each
 * given node; a 404 is read again a second later, because the very last writes may still be
 * travelling to the nodes that were not part of their quorum.
 */
public final class WriteAudit {

    /** Keys read per cell: the issue asks for at least 1000, or all of them. */
    public static final int SAMPLE_KEYS = 1000;
    /** Keys this close to their TTL are left out: the node's clock started before the acknowledgement. */
    static final long EXPIRY_MARGIN_MILLIS = 10_000;
    private static final long RECHECK_DELAY_MILLIS = 1000;
    private static final int MAX_IN_FLIGHT = 16;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /** What one read says about one acknowledged write. */
    public enum Verdict { OK, LOST, CORRUPT, FAILED }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Judges one read: 404 is a lost write, 200 with other bytes a corrupt read, anything else a failed read. */
    public static Verdict judge(int status, byte[] body, byte[] expected) {
        if (status == 404) return Verdict.LOST;
        if (status != 200) return Verdict.FAILED;
        return Arrays.equals(body, expected) ? Verdict.OK : Verdict.CORRUPT;
    }

    /**
     * Up to {@code max} writes whose TTL (minus a margin) has not run out at {@code nowMillis},
     * chosen at random with {@code seed} when there are more.
     */
    public static List<Write> sample(List<Write> writes, int max, long nowMillis, long seed) {
        List<Write> live = new ArrayList<>();
        for (Write w : writes) {
            if (w.expiresEpochMillis() - EXPIRY_MARGIN_MILLIS > nowMillis) live.add(w);
        }
        if (live.size() <= max) return live;
        Collections.shuffle(live, new Random(seed));
        return List.copyOf(live.subList(0, max));
    }

    /** Reads the sample from every node and counts what came back. */
    public AuditFigures audit(AcknowledgedWrites acknowledged, List<NodeEndpoint> healthyNodes, long seed)
            throws InterruptedException {
        List<Write> sample = sample(acknowledged.writes(), SAMPLE_KEYS, System.currentTimeMillis(), seed);
        List<Read> reads = new ArrayList<>();
        for (Write w : sample) {
            byte[] expected = acknowledged.payload(w.payloadIndex());
            for (NodeEndpoint n : healthyNodes) reads.add(new Read(n.baseUri(), w.key(), expected));
        }
        List<Verdict> first = readAll(reads);
        List<Read> again = new ArrayList<>();
        long corrupt = 0;
        long failed = 0;
        for (int i = 0; i < reads.size(); i++) {
            switch (first.get(i)) {
                case LOST -> again.add(reads.get(i));
                case CORRUPT -> corrupt++;
                case FAILED -> failed++;
                case OK -> { }
            }
        }
        long lost = 0;
        if (!again.isEmpty()) {
            Thread.sleep(RECHECK_DELAY_MILLIS);
            for (Verdict v : readAll(again)) {
                switch (v) {
                    case LOST -> lost++;
                    case CORRUPT -> corrupt++;
                    case FAILED -> failed++;
                    case OK -> { }
                }
            }
        }
        return new AuditFigures(acknowledged.writes().size(), sample.size(),
                healthyNodes.stream().map(NodeEndpoint::index).toList(), reads.size(), lost, corrupt, failed);
    }

    private record Read(URI base, String key, byte[] expected) {
    }

    /** Reads with a few requests in flight at a time; the verdicts come back in the order of {@code reads}. */
    private List<Verdict> readAll(List<Read> reads) throws InterruptedException {
        Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
        List<CompletableFuture<Verdict>> futures = new ArrayList<>(reads.size());
        for (Read r : reads) {
            slots.acquire();
            HttpRequest req = HttpRequest.newBuilder(r.base().resolve("/v1/data/" + r.key()))
                    .timeout(READ_TIMEOUT).GET().build();
            futures.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(resp -> judge(resp.statusCode(), resp.body(), r.expected()))
                    .exceptionally(e -> Verdict.FAILED)
                    .whenComplete((v, e) -> slots.release()));
        }
        List<Verdict> out = new ArrayList<>(futures.size());
        for (CompletableFuture<Verdict> f : futures) out.add(f.join());
        return out;
    }
}
