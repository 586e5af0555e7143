package io.repram.node.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a hard limit, so an oversized or endless body never fills the heap. */
final class Bodies {
    /** The largest value a client may store. */
    static final int MAX_VALUE_BYTES = 10 * 1024 * 1024;
    /** A gossip PUT carries the value in base64 (4/3 larger) plus a little JSON around it. */
    static final int MAX_GOSSIP_BYTES = MAX_VALUE_BYTES / 3 * 4 + 64 * 1024;

    private Bodies() {
    }

    /** @return the body, or null when it is longer than {@code limit} */
    static byte[] read(Context ctx, int limit) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            return null;
        }
        InputStream in = ctx.req().getInputStream();
        if (declared >= 0) {
            return in.readNBytes((int) declared);
        }
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }
}
