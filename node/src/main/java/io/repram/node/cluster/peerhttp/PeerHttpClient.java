package io.repram.node.cluster.peerhttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A lean HTTP/1.1 POST client for peer traffic: one selector thread, keep-alive connections pooled
 * per peer, one request in flight per connection, TCP_NODELAY. Callers only enqueue, so a request
 * thread never waits on, or does the I/O for, a peer; futures complete on the loop thread, so their
 * callbacks must be short and must not block.
 */
public final class PeerHttpClient implements PeerClient {
    private static final long TICK_MILLIS = 50;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Selector selector;
    private final Thread thread;
    private final int maxConnectionsPerPeer;
    private final long connectTimeoutNanos;
    private final ConcurrentLinkedQueue<Submission> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ConcurrentHashMap<String, byte[]> headPrefixes = new ConcurrentHashMap<>();
    private final Map<String, PeerPool> pools = new HashMap<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private volatile boolean running = true;

    private record Submission(String host, int port, Exchange exchange, boolean first) {
    }

    public PeerHttpClient(String threadName, int maxConnectionsPerPeer, long connectTimeoutMillis) {
        this.maxConnectionsPerPeer = maxConnectionsPerPeer;
        this.connectTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(connectTimeoutMillis);
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for peer connections", e);
        }
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public CompletableFuture<PeerResponse> post(String host, int port, String path, String contentType,
                                                String extraHeaders, byte[] body, long timeoutMillis) {
        return enqueue(host, port, path, contentType, extraHeaders, body, timeoutMillis, false);
    }

    @Override
    public CompletableFuture<PeerResponse> postFirst(String host, int port, String path, String contentType,
                                                     String extraHeaders, byte[] body, long timeoutMillis) {
        return enqueue(host, port, path, contentType, extraHeaders, body, timeoutMillis, true);
    }

    private CompletableFuture<PeerResponse> enqueue(String host, int port, String path, String contentType,
                                                    String extraHeaders, byte[] body, long timeoutMillis, boolean first) {
        byte[] prefix = headPrefixes.computeIfAbsent(host + ":" + port + path + "\n" + contentType,
                k -> ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: "
                        + contentType + "\r\nContent-Length: ").getBytes(StandardCharsets.ISO_8859_1));
        byte[] rest = (body.length + "\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] head = new byte[prefix.length + rest.length];
        System.arraycopy(prefix, 0, head, 0, prefix.length);
        System.arraycopy(rest, 0, head, prefix.length, rest.length);
        // Resolved here, on the caller's thread (the JVM caches names): a slow DNS answer must never
        // stall the loop that carries every peer's traffic.
        InetSocketAddress address = new InetSocketAddress(host, port);
        Exchange ex = new Exchange(address, head, body, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        if (!running || address.isUnresolved()) {
            ex.fail(running ? "cannot resolve peer host " + host : "the peer client is closed");
            return ex.result;
        }
        inbox.add(new Submission(host, port, ex, first));
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
        return ex.result;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long nextSweep = System.nanoTime();
        try {
            while (running) {
                selector.select(TICK_MILLIS);
                // Cleared before draining: a submission racing with the drain then wakes the next select.
                wakeupPending.set(false);
                drainInbox();
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    ((PeerConnection) key.attachment()).onSelected(readBuffer);
                }
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
                }
            }
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PeerHttpClient.class).error("peer client loop stopped", e);
        } finally {
            running = false;
            shutdown();
        }
    }

    private void drainInbox() {
        Submission s;
        while ((s = inbox.poll()) != null) {
            String name = s.host() + ":" + s.port();
            PeerPool pool = pools.get(name);
            if (pool == null) {
                pool = new PeerPool(s.host(), s.port(), selector, maxConnectionsPerPeer, connectTimeoutNanos);
                pools.put(name, pool);
            }
            try {
                pool.send(s.exchange(), s.first());
            } catch (RuntimeException e) {
                s.exchange().fail("cannot send to " + name + ": " + e);
            }
        }
    }

    private void sweep(long now) {
        Iterator<PeerPool> it = pools.values().iterator();
        while (it.hasNext()) {
            PeerPool pool = it.next();
            pool.sweep(now, IDLE_NANOS);
            if (pool.unused()) {
                it.remove(); // an evicted peer leaves nothing behind
            }
        }
    }

    private void shutdown() {
        for (PeerPool pool : pools.values()) {
            pool.closeAll("the peer client is closed");
        }
        pools.clear();
        Submission s;
        while ((s = inbox.poll()) != null) {
            s.exchange().fail("the peer client is closed");
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
