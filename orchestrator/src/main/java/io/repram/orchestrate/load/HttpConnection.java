package io.repram.orchestrate.load;

import io.repram.wire.HttpWireException;
import io.repram.wire.ResponseParser;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive HTTP/1.1 connection to one target, driven by its {@link IoLoop}: at most one request
 * in flight, reconnects when the server or the network drops it. Not thread-safe; only the loop's
 * thread touches it.
 */
final class HttpConnection {

    static final int DISCONNECTED = 0;
    static final int CONNECTING = 1;
    static final int IDLE = 2;
    static final int BUSY = 3;

    /** Pause after a failed connect, so that a dead target is not hammered in a tight loop. */
    static final long CONNECT_BACKOFF_NANOS = 100_000_000L;

    private final IoLoop loop;
    private final Selector selector;
    private final Target target;
    private final RequestTemplate putTemplate;
    private final RequestTemplate getTemplate;
    private final Payloads payloads;
    private final ByteBuffer payloadView;
    private final ByteBuffer[] putBuffers = new ByteBuffer[2];
    private final ResponseParser parser = new ResponseParser();
    private final long timeoutNanos;

    private SocketChannel channel;
    private SelectionKey key;
    private int state = DISCONNECTED;
    private boolean writePending;
    private boolean hasRequest;
    private int op;
    private int keyId;
    private long intendedStartNanos;
    private long deadlineNanos;
    private long backoffUntilNanos;
    /** Set by the loop while the connection sits in its ready queue. */
    boolean queued;
    /** Set by the loop when the connection entered its ready queue. */
    long readyAtNanos;
    /** The target index of the node this connection talks to; the loop counts per node with it. */
    int nodeIndex;

    HttpConnection(IoLoop loop, Selector selector, Target target, LoadSpec spec, Payloads payloads) {
        this.loop = loop;
        this.selector = selector;
        this.target = target;
        int keyDigits = RequestTemplate.digitsFor(spec.keySpace());
        this.putTemplate = RequestTemplate.put(target, keyDigits, spec.ttlSeconds(), payloads.payloadBytes());
        this.getTemplate = RequestTemplate.get(target, keyDigits);
        this.payloads = payloads;
        this.payloadView = payloads.view();
        this.timeoutNanos = spec.requestTimeout().toNanos();
    }

    int state() {
        return state;
    }

    boolean hasRequest() {
        return hasRequest;
    }

    long backoffUntilNanos() {
        return backoffUntilNanos;
    }

    /** Sends a request now, connecting first if needed. The latency counts from {@code intendedStartNanos}. */
    void start(int op, int keyId, long intendedStartNanos, long nowNanos) {
        this.op = op;
        this.keyId = keyId;
        this.intendedStartNanos = intendedStartNanos;
        this.deadlineNanos = nowNanos + timeoutNanos;
        this.hasRequest = true;
        parser.reset();
        if (op == Outcome.PUT) {
            putBuffers[0] = putTemplate.forKey(keyId);
            putBuffers[1] = payloads.select(payloadView, keyId);
        } else {
            getTemplate.forKey(keyId);
        }
        switch (state) {
            case IDLE -> {
                state = BUSY;
                write(nowNanos);
            }
            case DISCONNECTED -> connect(nowNanos);
            default -> throw new IllegalStateException("request started on a connection in state " + state);
        }
    }

    /** Opens the connection without a request, so that the first request does not pay for the handshake. */
    void connect(long nowNanos) {
        if (!hasRequest) {
            deadlineNanos = nowNanos + timeoutNanos;
        }
        state = CONNECTING;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            key = channel.register(selector, 0, this);
            if (channel.connect(target.address())) {
                connected(nowNanos);
            } else {
                key.interestOps(SelectionKey.OP_CONNECT);
            }
        } catch (IOException | RuntimeException e) {
            fail(Outcome.CONNECT, nowNanos);
        }
    }

    void onConnectable(long nowNanos) {
        try {
            if (channel.finishConnect()) {
                connected(nowNanos);
            }
        } catch (IOException e) {
            fail(Outcome.CONNECT, nowNanos);
        }
    }

    private void connected(long nowNanos) {
        key.interestOps(SelectionKey.OP_READ);
        if (hasRequest) {
            state = BUSY;
            write(nowNanos);
        } else {
            state = IDLE;
            loop.ready(this, nowNanos);
        }
    }

    void onWritable(long nowNanos) {
        if (state == BUSY && writePending) {
            write(nowNanos);
        }
    }

    private void write(long nowNanos) {
        try {
            boolean unsent;
            if (op == Outcome.PUT) {
                channel.write(putBuffers);
                unsent = putBuffers[1].hasRemaining() || putBuffers[0].hasRemaining();
            } else {
                ByteBuffer request = getTemplate.buffer();
                channel.write(request);
                unsent = request.hasRemaining();
            }
            if (unsent != writePending) {
                writePending = unsent;
                key.interestOps(unsent ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            fail(Outcome.IO, nowNanos);
        }
    }

    void onReadable(ByteBuffer readBuffer, long nowNanos) {
        try {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                if (state != BUSY) {
                    // The server closed an idle keep-alive connection; nothing was lost.
                    disconnect();
                    return;
                }
                parser.endOfStream();
                finish(nowNanos);
                return;
            }
            if (n == 0) {
                return;
            }
            if (state != BUSY) {
                throw new HttpWireException("bytes arrived while no request was in flight");
            }
            int used = parser.feed(readBuffer.array(), readBuffer.arrayOffset(), n);
            if (parser.complete()) {
                if (used < n) {
                    throw new HttpWireException("bytes after the end of the response");
                }
                finish(nowNanos);
            }
        } catch (IOException e) {
            fail(Outcome.IO, nowNanos);
        }
    }

    private void finish(long nowNanos) {
        hasRequest = false;
        if (parser.closeAfter() || writePending) {
            disconnect();
        } else {
            state = IDLE;
        }
        loop.completed(this, op, keyId, parser.status(), intendedStartNanos, nowNanos);
    }

    /** Fails a connect or request whose deadline has passed. */
    boolean checkTimeout(long nowNanos) {
        if ((state == CONNECTING || state == BUSY) && nowNanos - deadlineNanos > 0) {
            fail(Outcome.TIMEOUT, nowNanos);
            return true;
        }
        return false;
    }

    private void fail(int errorSlot, long nowNanos) {
        boolean hadRequest = hasRequest;
        hasRequest = false;
        disconnect();
        if (errorSlot == Outcome.CONNECT) {
            backoffUntilNanos = nowNanos + CONNECT_BACKOFF_NANOS;
        }
        loop.failed(this, hadRequest ? op : -1, errorSlot, nowNanos);
    }

    void disconnect() {
        state = DISCONNECTED;
        writePending = false;
        if (key != null) {
            key.cancel();
            key = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a broken socket can fail; it is gone either way.
            }
            channel = null;
        }
    }
}
