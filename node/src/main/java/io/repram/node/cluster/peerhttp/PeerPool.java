package io.repram.node.cluster.peerhttp;

import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections to one peer ({@code host:port}) and the requests waiting for one. Only the loop
 * thread touches it. The most recently used idle connection is reused first, so a light load keeps
 * a single warm connection and the others idle out.
 */
final class PeerPool {
    private final String host;
    private final int port;
    private final Selector selector;
    private final int maxConnections;
    private final long connectTimeoutNanos;
    private final ArrayDeque<PeerConnection> idle = new ArrayDeque<>();
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private final List<PeerConnection> open = new ArrayList<>();

    PeerPool(String host, int port, Selector selector, int maxConnections, long connectTimeoutNanos) {
        this.host = host;
        this.port = port;
        this.selector = selector;
        this.maxConnections = maxConnections;
        this.connectTimeoutNanos = connectTimeoutNanos;
    }

    String name() {
        return host + ":" + port;
    }

    /** @param first ahead of the requests already waiting (see {@link PeerClient#postFirst}) */
    void send(Exchange ex, boolean first) {
        PeerConnection conn = idle.pollFirst();
        if (conn != null) {
            conn.start(ex);
        } else if (open.size() < maxConnections) {
            openFor(ex);
        } else if (first) {
            waiting.addFirst(ex);
        } else {
            waiting.addLast(ex);
        }
    }

    /** A request lost to a keep-alive race goes out again, on a new connection. */
    void retry(Exchange ex) {
        if (open.size() < maxConnections) {
            openFor(ex);
        } else {
            waiting.addFirst(ex);
        }
    }

    void released(PeerConnection conn) {
        Exchange next = nextLive();
        if (next != null) {
            conn.start(next);
        } else {
            conn.idleSinceNanos = System.nanoTime();
            idle.addFirst(conn);
        }
    }

    void closed(PeerConnection conn) {
        open.remove(conn);
        idle.remove(conn);
        if (open.size() < maxConnections) {
            Exchange next = nextLive();
            if (next != null) {
                openFor(next);
            }
        }
    }

    /**
     * The first waiting request whose deadline has not passed; the others fail unsent. A request
     * its caller has given up on would only add to the load of a peer that is already behind.
     */
    private Exchange nextLive() {
        long now = System.nanoTime();
        Exchange next;
        while ((next = waiting.pollFirst()) != null && now - next.deadlineNanos > 0) {
            next.fail("no connection to " + name() + " became free in time");
        }
        return next;
    }

    /** Times out requests and connections, and closes connections idle longer than {@code idleNanos}. */
    void sweep(long nowNanos, long idleNanos) {
        for (PeerConnection conn : new ArrayList<>(open)) {
            if (conn.busy()) {
                conn.checkTimeout(nowNanos);
            } else if (nowNanos - conn.idleSinceNanos > idleNanos) {
                conn.close();
            }
        }
        while (!waiting.isEmpty() && nowNanos - waiting.peekFirst().deadlineNanos > 0) {
            waiting.pollFirst().fail("no connection to " + name() + " became free in time");
        }
    }

    boolean unused() {
        return open.isEmpty() && waiting.isEmpty();
    }

    void closeAll(String why) {
        for (PeerConnection conn : new ArrayList<>(open)) {
            conn.close();
        }
        while (!waiting.isEmpty()) {
            waiting.pollFirst().fail(why);
        }
    }

    private void openFor(Exchange ex) {
        PeerConnection conn = new PeerConnection(this);
        open.add(conn);
        conn.connect(selector, ex.address, ex, connectTimeoutNanos);
    }
}
