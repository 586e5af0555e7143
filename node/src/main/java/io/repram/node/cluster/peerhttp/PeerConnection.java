package io.repram.node.cluster.peerhttp;

import io.repram.wire.BodyBuffer;
import io.repram.wire.ResponseParser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive HTTP/1.1 connection to a peer with at most one request in flight (no pipelining).
 * Only the loop thread touches it.
 */
final class PeerConnection {
    /** Peers answer gossip with a few bytes and bootstrap with a peer list; this only bounds a broken peer. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /**
     * How long past its deadline a sent request's connection waits for the late answer before it is
     * closed. Closing at the deadline instead turned one slow peer into a dead one: each timeout
     * opened a new connection for the next queued request, the slow peer then had to accept and
     * serve every abandoned request as well (4,517 connections in CLOSE-WAIT on one node of a
     * 3-node cluster after a minute at full load, its clients' PUTs all timing out), and it never
     * caught up. Waiting keeps at most the pool's limit of requests on the slow peer.
     */
    static final long LATE_ANSWER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private final PeerPool pool;
    private final BodyBuffer body = new BodyBuffer(MAX_BODY_BYTES);
    private final ResponseParser reader = new ResponseParser(body);
    private SocketChannel channel;
    private SelectionKey key;
    private Exchange exchange;
    private boolean connected;
    private boolean closed;
    /** A reused connection may have been closed by the peer while idle; its first failure is retried. */
    private boolean reused;
    /** The request in flight timed out and its caller was told; its late answer only frees the connection. */
    private boolean abandoned;
    private long connectDeadlineNanos;
    long idleSinceNanos;

    PeerConnection(PeerPool pool) {
        this.pool = pool;
    }

    /** Opens the connection for {@code first}; failures complete it and close. */
    void connect(Selector selector, InetSocketAddress address, Exchange first, long connectTimeoutNanos) {
        exchange = first;
        connectDeadlineNanos = System.nanoTime() + connectTimeoutNanos;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            // Small request/response messages: without this each waits for the peer's delayed ACK.
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            key = channel.register(selector, 0, this);
            if (channel.connect(address)) {
                onConnected();
            } else {
                key.interestOps(SelectionKey.OP_CONNECT);
            }
        } catch (IOException | RuntimeException e) {
            fail("cannot connect to " + pool.name() + ": " + e.getMessage(), true);
        }
    }

    void start(Exchange next) {
        exchange = next;
        abandoned = false;
        reused = true;
        resetReader();
        write();
    }

    boolean busy() {
        return exchange != null;
    }

    void onSelected(ByteBuffer readBuffer) {
        if (closed || !key.isValid()) {
            return;
        }
        try {
            if (key.isConnectable()) {
                if (channel.finishConnect()) {
                    onConnected();
                }
                return;
            }
            if (key.isWritable()) {
                write();
            }
            if (key.isValid() && key.isReadable()) {
                read(readBuffer);
            }
        } catch (IOException e) {
            fail("I/O error with " + pool.name() + ": " + e.getMessage(), true);
        }
    }

    private void resetReader() {
        reader.reset();
        body.reset();
    }

    /** Fails the request in flight when its deadline (or the connect deadline) has passed. */
    void checkTimeout(long nowNanos) {
        if (exchange == null) {
            return;
        }
        if (!connected && nowNanos - connectDeadlineNanos > 0) {
            fail("connecting to " + pool.name() + " timed out", false);
        } else if (abandoned) {
            if (nowNanos - exchange.deadlineNanos > LATE_ANSWER_NANOS) {
                fail("no answer from " + pool.name() + " long after the deadline", false);
            }
        } else if (nowNanos - exchange.deadlineNanos > 0) {
            if (connected && !exchange.unsent()) {
                // Sent whole: tell the caller now, keep the connection for the late answer.
                abandoned = true;
                exchange.fail("no answer from " + pool.name() + " in time");
            } else {
                fail("no answer from " + pool.name() + " in time", false);
            }
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the socket is gone either way
            }
        }
        pool.closed(this);
    }

    private void onConnected() {
        connected = true;
        resetReader();
        write();
    }

    private void write() {
        try {
            channel.write(exchange.request);
            key.interestOps(exchange.unsent() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } catch (IOException e) {
            fail("cannot send to " + pool.name() + ": " + e.getMessage(), true);
        }
    }

    private void read(ByteBuffer buf) throws IOException {
        buf.clear();
        int n = channel.read(buf);
        if (n < 0) {
            if (exchange == null) {
                close(); // the peer closed an idle keep-alive connection: nothing was lost
                return;
            }
            reader.endOfStream();
            finish();
            return;
        }
        if (n == 0) {
            return;
        }
        if (exchange == null) {
            throw new PeerHttpException(pool.name() + " sent bytes while no request was in flight");
        }
        int used = reader.feed(buf.array(), 0, n);
        if (reader.complete()) {
            if (used < n) {
                throw new PeerHttpException(pool.name() + " sent bytes after the end of its response");
            }
            finish();
        }
    }

    private void finish() {
        Exchange done = exchange;
        exchange = null;
        boolean keep = !reader.closeAfter() && !done.unsent();
        PeerResponse response = new PeerResponse(reader.status(), body.toByteArray());
        if (keep) {
            pool.released(this);
        } else {
            close();
        }
        done.result.complete(response);
    }

    /** @param ioError the connection broke (as opposed to a deadline passing), so a resend may help */
    private void fail(String why, boolean ioError) {
        Exchange lost = exchange;
        exchange = null;
        boolean retry = ioError && lost != null && !abandoned && reused && !reader.started()
                && System.nanoTime() - lost.deadlineNanos < 0;
        close();
        if (lost == null) {
            return;
        }
        if (retry) {
            // The peer closed this idle connection just as we reused it (keep-alive race): it never
            // read the request, so sending it again on a fresh connection cannot duplicate it.
            lost.request[0].rewind();
            lost.request[1].rewind();
            pool.retry(lost);
        } else {
            lost.fail(why);
        }
    }
}
