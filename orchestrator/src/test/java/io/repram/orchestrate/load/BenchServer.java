package io.repram.orchestrate.load;

import io.javalin.Javalin;
import java.util.Arrays;

/**
 * The server of {@code bench/loadgen-vs-wrk.sh}: a plain Javalin app on 127.0.0.1 that answers any
 * {@code GET /v1/data/*} (and {@code GET /}) with 1 KB, and any PUT with 201. It keeps nothing, so
 * wrk and the load generator can be compared against exactly the same work.
 *
 * <p>Usage: {@code java -cp ... io.repram.orchestrate.load.BenchServer PORT [BODY_BYTES]}
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static Javalin start(int port, int bodyBytes) {
        byte[] body = new byte[bodyBytes];
        Arrays.fill(body, (byte) 'x');
        return Javalin.create(config -> config.showJavalinBanner = false)
                .get("/", ctx -> ctx.contentType("application/octet-stream").result(body))
                .get("/v1/data/{key}", ctx -> ctx.contentType("application/octet-stream").result(body))
                .put("/v1/data/{key}", ctx -> ctx.status(201))
                .start("127.0.0.1", port);
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        int bodyBytes = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        Javalin app = start(port, bodyBytes);
        System.out.println("BenchServer listening on http://127.0.0.1:" + app.port());
    }
}
