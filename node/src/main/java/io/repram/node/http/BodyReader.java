package io.repram.node.http;

import io.javalin.http.Context;
import io.repram.node.NodeMetrics;
import io.repram.node.store.Limits;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads request bodies with a size limit and a deadline, without holding a request thread while the
 * client is slow. What has already arrived is read at once (the usual case: a small body comes with
 * its headers); the rest arrives through a servlet {@link ReadListener}. A blocking read would hold
 * one of Jetty's 16 threads per client, so 16 clients trickling bodies froze health checks and gossip.
 */
final class BodyReader {
    /** A gossip PUT carries the value in base64 (4/3 larger) plus a little JSON around it. */
    static final int MAX_GOSSIP_BYTES = Limits.MAX_VALUE_BYTES / 3 * 4 + 64 * 1024;
    /** The buffer grows as bytes arrive, so a client that declares 10 MiB and stalls costs little. */
    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;

    private final long deadlineMillis;
    private final ScheduledExecutorService timer;
    private final NodeMetrics metrics;

    /** @param timer fires the deadlines; a 408 is written from its thread (a small write, never blocking long) */
    BodyReader(long deadlineMillis, ScheduledExecutorService timer, NodeMetrics metrics) {
        this.deadlineMillis = deadlineMillis;
        this.timer = timer;
        this.metrics = metrics;
    }

    /** Answers an error: plain text for clients, JSON for peers. */
    interface ErrorWriter {
        void write(Context ctx, int status, String message);
    }

    /** Works on a complete body; the returned future completes once the reply is set. */
    interface BodyHandler {
        CompletableFuture<?> apply(byte[] body);
    }

    /**
     * Reads the body, then hands it to {@code onBody}. The handler stays synchronous when the whole
     * body was already there and {@code onBody}'s future is complete; otherwise it goes asynchronous.
     *
     * @param what names the body in error messages ("Request body", "Gossip message")
     */
    void read(Context ctx, int limit, String what, BodyHandler onBody, ErrorWriter onError) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            fail(ctx, tooLarge(what, limit), onError);
            return;
        }
        Buffer buf = new Buffer(declared, limit, what);
        ServletInputStream in;
        try {
            in = ctx.req().getInputStream();
            if (buf.readAvailable(in)) {
                finish(ctx, onBody.apply(buf.bytes()), onError);
                return;
            }
        } catch (BodyException e) {
            fail(ctx, e, onError);
            return;
        } catch (IOException e) {
            fail(ctx, new BodyException(400, what + " could not be read"), onError);
            return;
        }
        // A ReadListener may only be set once the request is asynchronous, which Javalin makes it just
        // before it calls this supplier.
        ctx.future(() -> handled(ctx, listen(in, buf).thenCompose(onBody::apply), onError));
    }

    /** Answers now when {@code work} is done, else when it completes. */
    static void finish(Context ctx, CompletableFuture<?> work, ErrorWriter onError) {
        CompletableFuture<?> handled = handled(ctx, work, onError);
        if (!handled.isDone()) {
            ctx.future(() -> handled);
        }
    }

    private static CompletableFuture<?> handled(Context ctx, CompletableFuture<?> work, ErrorWriter onError) {
        return work.handle((ok, err) -> {
            if (err != null) {
                Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                if (cause instanceof BodyException e) {
                    fail(ctx, e, onError);
                } else {
                    ctx.status(500).result("Internal error: " + cause.getClass().getSimpleName());
                }
            }
            return null;
        });
    }

    private static void fail(Context ctx, BodyException e, ErrorWriter onError) {
        if (e.status() == 408) {
            // The rest of the body may still trickle in; nothing after it on this connection is wanted.
            ctx.header("Connection", "close");
        }
        onError.write(ctx, e.status(), e.getMessage());
    }

    private CompletableFuture<byte[]> listen(ServletInputStream in, Buffer buf) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        ScheduledFuture<?> deadline = timer.schedule(() -> result.completeExceptionally(new BodyException(408,
                buf.what + " not received within " + deadlineMillis + " ms")), deadlineMillis, TimeUnit.MILLISECONDS);
        result.whenComplete((body, err) -> deadline.cancel(false));
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                try {
                    while (!result.isDone() && in.isReady() && buf.readOnce(in)) {
                        // keep reading while bytes are there
                    }
                } catch (BodyException e) {
                    result.completeExceptionally(e);
                }
                // With a Content-Length, the last byte completes the body: onAllDataRead would only
                // come after one more isReady() that this loop no longer makes.
                if (buf.complete()) {
                    result.complete(buf.bytes());
                }
            }

            @Override
            public void onAllDataRead() {
                result.complete(buf.bytes());
            }

            @Override
            public void onError(Throwable t) {
                boolean idle = t instanceof TimeoutException || t.getCause() instanceof TimeoutException;
                result.completeExceptionally(idle
                        ? new BodyException(408, buf.what + " stalled")
                        : new BodyException(400, buf.what + " broken off: " + t.getClass().getSimpleName()));
            }
        });
        return result;
    }

    private BodyException tooLarge(String what, int limit) {
        metrics.oversized.inc();
        return new BodyException(413, what + " larger than " + limit + " bytes");
    }

    /** The bytes received so far; touched by one thread at a time (the handler, then Jetty's read callbacks). */
    private final class Buffer {
        final String what;
        private final long declared;
        private final int limit;
        private byte[] bytes;
        private int count;
        private boolean eof;

        Buffer(long declared, int limit, String what) {
            this.declared = declared;
            this.limit = limit;
            this.what = what;
            this.bytes = new byte[(int) Math.min(declared >= 0 ? declared : limit + 1L, INITIAL_BUFFER_BYTES)];
        }

        /** Reads without blocking; true when the body is complete. */
        boolean readAvailable(ServletInputStream in) throws IOException {
            while (!complete() && in.available() > 0) {
                readOnce(in);
            }
            return complete() || (declared < 0 && in.isFinished());
        }

        /** One read of whatever is there; false at the end of the body. */
        boolean readOnce(ServletInputStream in) throws IOException {
            if (complete()) {
                return false;
            }
            if (count == bytes.length) {
                grow();
            }
            int n = in.read(bytes, count, bytes.length - count);
            if (n < 0) {
                eof = true;
                return false;
            }
            count += n;
            if (count > limit) {
                throw tooLarge(what, limit);
            }
            return true;
        }

        boolean complete() {
            return eof || (declared >= 0 && count >= declared);
        }

        private void grow() {
            // Chunked bodies may grow one byte past the limit, to tell "exactly the limit" from "more".
            long cap = declared >= 0 ? declared : limit + 1L;
            bytes = Arrays.copyOf(bytes, (int) Math.min(cap, Math.max(16, bytes.length * 2L)));
        }

        byte[] bytes() {
            return count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
        }
    }
}
