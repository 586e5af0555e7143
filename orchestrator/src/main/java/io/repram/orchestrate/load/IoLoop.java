package io.repram.orchestrate.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One I/O thread: a selector over a share of the connections, the op mix, and (open loop) the
 * arrival schedule. Completions only queue the connection; new requests start after the selector
 * pass, which keeps the call stack flat and batches work per wake-up.
 */
final class IoLoop implements Runnable {

    /** How often deadlines and back-offs are checked. */
    static final long SCAN_INTERVAL_NANOS = 10_000_000L;
    private static final long MILLI = 1_000_000L;

    private final Selector selector;
    private final HttpConnection[] connections;
    private final HttpConnection[] readyQueue;
    private int readyHead;
    private int readyCount;
    private final LoopStats stats;
    private final WrittenKeys written;
    private final AcknowledgedKeys acknowledged;
    private final SplittableRandom random;
    private final int putPercent;
    private final int keyOffset;
    private final int keyCount;
    private final OpenLoopSchedule schedule;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private final Consumer<SelectionKey> onSelected = this::onSelected;
    private volatile boolean stopRequested;
    private volatile Throwable crash;

    /**
     * @param targets         every node of the run, in target order
     * @param connectionNodes per connection of this loop, the index in {@code targets} it talks to
     * @param schedule        null for a closed loop
     * @param startNanos      when the run started, the base of the acknowledgement times
     */
    IoLoop(LoadSpec spec, List<Target> targets, int[] connectionNodes, Payloads payloads, long seed,
           OpenLoopSchedule schedule, long startNanos) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.stats = new LoopStats(targets.size());
        this.connections = new HttpConnection[connectionNodes.length];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = new HttpConnection(this, selector, targets.get(connectionNodes[i]), spec, payloads);
            connections[i].nodeIndex = connectionNodes[i];
        }
        this.readyQueue = new HttpConnection[connections.length];
        this.written = new WrittenKeys(spec.keyCount(), spec.ttlSeconds());
        this.acknowledged = new AcknowledgedKeys(spec.keyOffset(), spec.keyCount(), startNanos, seed);
        this.random = new SplittableRandom(seed);
        this.putPercent = spec.putPercent();
        this.keyOffset = spec.keyOffset();
        this.keyCount = spec.keyCount();
        this.schedule = schedule;
    }

    LoopStats stats() {
        return stats;
    }

    /** Read only once this loop's thread has ended. */
    AcknowledgedKeys acknowledged() {
        return acknowledged;
    }

    Throwable crash() {
        return crash;
    }

    void requestStop() {
        stopRequested = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (Throwable t) {
            crash = t;
        } finally {
            for (HttpConnection connection : connections) {
                connection.disconnect();
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // Nothing left to release.
            }
        }
    }

    private void loop() throws IOException {
        long now = System.nanoTime();
        for (HttpConnection connection : connections) {
            if (schedule == null) {
                ready(connection, now);
            } else {
                connection.connect(now);
            }
        }
        long lastScan = now;
        while (!stopRequested) {
            now = System.nanoTime();
            startReady(now);
            long waitNanos = SCAN_INTERVAL_NANOS;
            if (schedule != null && readyCount > 0) {
                waitNanos = Math.min(waitNanos, schedule.nanosUntilNext(now));
            }
            if (waitNanos <= 0) {
                selector.selectNow(onSelected);
            } else if (waitNanos < MILLI) {
                // select() waits in whole milliseconds; park for a shorter wait so arrivals stay on time.
                LockSupport.parkNanos(waitNanos);
                selector.selectNow(onSelected);
            } else {
                selector.select(onSelected, waitNanos / MILLI);
            }
            now = System.nanoTime();
            if (now - lastScan >= SCAN_INTERVAL_NANOS) {
                scan(now);
                lastScan = now;
            }
        }
    }

    private void onSelected(SelectionKey key) {
        HttpConnection connection = (HttpConnection) key.attachment();
        int ops = key.readyOps();
        long now = System.nanoTime();
        if ((ops & SelectionKey.OP_CONNECT) != 0) {
            connection.onConnectable(now);
            return;
        }
        if ((ops & SelectionKey.OP_WRITE) != 0) {
            connection.onWritable(now);
        }
        if ((ops & SelectionKey.OP_READ) != 0 && key.isValid()) {
            connection.onReadable(readBuffer, now);
        }
    }

    /** Closed loop: every ready connection gets its next request. Open loop: due arrivals take ready connections. */
    private void startReady(long now) {
        if (schedule == null) {
            // Only those queued before this pass, so a connection that fails at once waits for the next one.
            for (int n = readyCount; n > 0; n--) {
                HttpConnection connection = poll();
                stats.sendSlip(now - connection.readyAtNanos);
                startNext(connection, now, now);
            }
        } else {
            while (readyCount > 0 && schedule.due(now)) {
                HttpConnection connection = poll();
                long intended = schedule.take();
                // Only the loop's own lateness: time after the arrival was due AND a connection was free.
                stats.sendSlip(now - Math.max(intended, connection.readyAtNanos));
                startNext(connection, intended, now);
            }
        }
    }

    private void startNext(HttpConnection connection, long intendedStartNanos, long now) {
        int op;
        int keyId;
        if (putPercent == 0) {
            // GET-only: there are no written keys to read, so random keys it is (see LoadSpec).
            op = Outcome.GET;
            keyId = keyOffset + random.nextInt(keyCount);
        } else if (putPercent == 100 || random.nextInt(100) < putPercent) {
            op = Outcome.PUT;
            keyId = keyOffset + random.nextInt(keyCount);
        } else {
            keyId = written.pick(random, now);
            if (keyId < 0) {
                op = Outcome.PUT;
                keyId = keyOffset + random.nextInt(keyCount);
            } else {
                op = Outcome.GET;
            }
        }
        connection.start(op, keyId, intendedStartNanos, now);
    }

    private void scan(long now) {
        for (HttpConnection connection : connections) {
            connection.checkTimeout(now);
            if (connection.state() == HttpConnection.DISCONNECTED && !connection.queued
                    && !connection.hasRequest() && connection.backoffUntilNanos() - now <= 0) {
                // Open loop too: the next arrival takes it and connects, so a refused connect fails a
                // real request rather than an uncounted reconnect. The back-off only stops a spin.
                ready(connection, now);
            }
        }
    }

    void completed(HttpConnection connection, int op, int keyId, int status, long intendedStartNanos, long now) {
        stats.response(connection.nodeIndex, op, status, now - intendedStartNanos);
        if (op == Outcome.PUT && Outcome.success(op, status)) {
            written.add(keyId, now);
            if (status == 201) {
                acknowledged.add(keyId, now);
            }
        }
        ready(connection, now);
    }

    /**
     * @param op the failed request's op, or -1 when the connection failed with no request on it. A
     *           connect of that kind (the open loop's first one) that is refused or times out still
     *           counts, as a failed PUT (GET when GET-only); a reset idle connection does not
     */
    void failed(HttpConnection connection, int op, int errorSlot, long now) {
        if (op >= 0) {
            stats.failure(connection.nodeIndex, op, errorSlot);
        } else if (errorSlot == Outcome.CONNECT || errorSlot == Outcome.TIMEOUT) {
            stats.failure(connection.nodeIndex, putPercent == 0 ? Outcome.GET : Outcome.PUT, errorSlot);
        }
        if (connection.backoffUntilNanos() - now <= 0) {
            ready(connection, now);
        }
        // Otherwise scan() brings it back once the back-off is over.
    }

    /** @param now when the connection became free to send, the base of its send slip */
    void ready(HttpConnection connection, long now) {
        if (connection.queued) {
            return;
        }
        connection.queued = true;
        connection.readyAtNanos = now;
        readyQueue[(readyHead + readyCount) % readyQueue.length] = connection;
        readyCount++;
    }

    private HttpConnection poll() {
        HttpConnection connection = readyQueue[readyHead];
        readyQueue[readyHead] = null;
        readyHead = readyHead + 1 == readyQueue.length ? 0 : readyHead + 1;
        readyCount--;
        connection.queued = false;
        return connection;
    }
}
