package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.results.ConvergenceFigures;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how fast a write spreads, on its own thread at about two probes a second: PUT a probe
 * key to one unimpaired node, then GET it from every other node that is not down until each
 * answers with the probe's bytes. The lag runs from sending the PUT to the last node's answer.
 * Paused and disconnected nodes are polled on purpose: their lag is what a partition costs.
 */
public final class ConvergenceProbe implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final long POLL_INTERVAL_MILLIS = 5;
    static final long PROBE_INTERVAL_MILLIS = 500;
    static final int PROBE_TTL_SECONDS = 300;
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final List<NodeEndpoint> nodes;
    private final NodeImpairments impairments;
    private final AtomicLong keyCounter;
    private final long startNanos;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final Histogram lagMicros = new Histogram(HIGHEST_MICROS, 3);
    /** No new probes; the one under way finishes (at most {@link #TIMEOUT}). */
    private final CountDownLatch stop = new CountDownLatch(1);
    /** Drop the probe under way too. */
    private final CountDownLatch abort = new CountDownLatch(1);
    private final Thread thread;
    private long probes;
    private long failedWrites;
    private long timeouts;
    private int rotation;

    /**
     * Starts probing at {@code startNanos} (the measured window's start).
     *
     * @param keyCounter numbers the probe keys; share one per cluster so that keys never repeat
     */
    public ConvergenceProbe(List<NodeEndpoint> nodes, NodeImpairments impairments, AtomicLong keyCounter, long startNanos) {
        this.nodes = List.copyOf(nodes);
        this.impairments = impairments;
        this.keyCounter = keyCounter;
        this.startNanos = startNanos;
        this.thread = new Thread(this::loop, "convergence-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        if (await(startNanos - System.nanoTime())) return;
        long next = System.nanoTime();
        while (true) {
            probeOnce();
            next += TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MILLIS);
            if (await(Math.max(0, next - System.nanoTime()))) return;
            // A slow probe (a timeout) does not cause a burst to catch up.
            next = Math.max(next, System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MILLIS));
        }
    }

    /** Waits; true when {@code latch} was released meanwhile. */
    private static boolean await(CountDownLatch latch, long nanos) {
        try {
            return latch.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return true;
        }
    }

    private boolean await(long nanos) {
        return await(stop, nanos);
    }

    private void probeOnce() {
        NodeEndpoint writer = pickWriter();
        if (writer == null) return;
        List<NodeEndpoint> readers = nodes.stream()
                .filter(n -> n.index() != writer.index() && !impairments.isDown(n.index())).toList();
        if (readers.isEmpty()) return;
        String key = "__probe-" + keyCounter.incrementAndGet();
        byte[] body = (key + "@" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        long sentNanos = System.nanoTime();
        long deadline = sentNanos + TIMEOUT.toNanos();
        if (!put(writer.baseUri(), key, body)) {
            failedWrites++;
            return;
        }
        Map<Integer, CompletableFuture<Long>> inFlight = new HashMap<>();
        Map<Integer, NodeEndpoint> pending = new HashMap<>();
        readers.forEach(n -> pending.put(n.index(), n));
        long lastSeen = sentNanos;
        while (!pending.isEmpty() && System.nanoTime() - deadline < 0) {
            // A node killed meanwhile cannot converge; it is not what this figure measures.
            pending.keySet().removeIf(impairments::isDown);
            for (NodeEndpoint n : List.copyOf(pending.values())) {
                CompletableFuture<Long> f = inFlight.get(n.index());
                if (f == null) {
                    inFlight.put(n.index(), seenAt(n.baseUri(), key, body, deadline));
                } else if (f.isDone()) {
                    inFlight.remove(n.index());
                    long seen = f.getNow(-1L);
                    if (seen != -1L) {
                        pending.remove(n.index());
                        lastSeen = Math.max(lastSeen, seen);
                    }
                }
            }
            if (pending.isEmpty() || await(abort, TimeUnit.MILLISECONDS.toNanos(POLL_INTERVAL_MILLIS))) break;
        }
        inFlight.values().forEach(f -> f.cancel(true));
        if (abort.getCount() == 0 && !pending.isEmpty()) {
            return; // Aborted mid-probe: neither a lag nor a timeout.
        }
        probes++;
        if (pending.isEmpty()) {
            lagMicros.recordValue(Math.min(HIGHEST_MICROS, (lastSeen - sentNanos) / 1000));
        } else {
            timeouts++;
        }
    }

    private NodeEndpoint pickWriter() {
        for (int i = 0; i < nodes.size(); i++) {
            NodeEndpoint n = nodes.get((rotation + i) % nodes.size());
            if (!impairments.isImpaired(n.index())) {
                rotation = (rotation + i + 1) % nodes.size();
                return n;
            }
        }
        return null;
    }

    private boolean put(URI base, String key, byte[] body) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/v1/data/" + key + "?ttl=" + PROBE_TTL_SECONDS))
                .timeout(TIMEOUT).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Completes with the time the node answered with the probe's bytes, or -1 for anything else. */
    private CompletableFuture<Long> seenAt(URI base, String key, byte[] body, long deadline) {
        long leftNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime());
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/v1/data/" + key))
                .timeout(Duration.ofNanos(leftNanos)).GET().build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> r.statusCode() == 200 && Arrays.equals(r.body(), body) ? System.nanoTime() : -1L)
                .exceptionally(e -> -1L);
    }

    /**
     * Stops probing and returns the figures. A probe under way is finished first (up to
     * {@link #TIMEOUT}): a write that never reaches a node is exactly what must not go unreported.
     */
    public ConvergenceFigures finish() {
        stop.countDown();
        join();
        // The probe thread has ended (joined), so its counters and histogram are safe to read.
        boolean none = lagMicros.getTotalCount() == 0;
        double p50 = none ? 0 : lagMicros.getValueAtPercentile(50) / 1000.0;
        double p99 = none ? 0 : lagMicros.getValueAtPercentile(99) / 1000.0;
        double max = none ? 0 : lagMicros.getMaxValue() / 1000.0;
        return new ConvergenceFigures(probes, failedWrites, timeouts, TIMEOUT.toMillis(), p50, p99, max);
    }

    /** Stops at once, dropping a probe under way. */
    @Override
    public void close() {
        abort.countDown();
        stop.countDown();
        join();
    }

    private void join() {
        try {
            // The probe thread notices the stop within one poll, or after its PUT's timeout.
            thread.join(TIMEOUT.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
