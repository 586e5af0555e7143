package io.repram.node.http;

import io.javalin.http.Context;
import io.repram.node.cluster.Wire;

/** JSON replies through the node's one ObjectMapper. */
final class Json {
    static final byte[] SUCCESS = "{\"success\":true}\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Json() {
    }

    static void write(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(Wire.toBytes(value));
    }

    static void success(Context ctx) {
        ctx.status(200).contentType("application/json").result(SUCCESS);
    }

    static void error(Context ctx, int status, String message) {
        write(ctx, status, java.util.Map.of("error", message));
    }
}
