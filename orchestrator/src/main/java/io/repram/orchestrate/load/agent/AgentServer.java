package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.load.IntervalDetail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The control API of {@code repram-orchestrate agent}, on the JDK's own HTTP server (the agent needs
 * no web framework; the paths are {@link AgentApi}'s):
 * <pre>
 * GET  /v1/agent                   status: id, state (idle|running|done|failed), cores, version, run
 * POST /v1/agent/plan              a {@link LoadPlan}; 202 {run}, 400 bad plan, 409 a run is going on
 * GET  /v1/agent/intervals?after=N intervals with seq &gt; N (histograms inside); drops those up to N
 * GET  /v1/agent/result            measured totals and full-window histograms; 409 until the run ended
 * GET  /v1/agent/writes            PUTs answered 201 (for the write audit); 409 until the run is done
 * POST /v1/agent/stop              ends the current run early; 202
 * </pre>
 */
public final class AgentServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY every answer waits
        // for a delayed ACK (40 ms). Read once, when the first server of the JVM starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AgentWorker worker;

    private AgentServer(HttpServer server, ExecutorService executor, AgentWorker worker) {
        this.server = server;
        this.executor = executor;
        this.worker = worker;
    }

    /** Binds {@code bind:port} (port 0 = any free port) and serves until closed. */
    public static AgentServer start(String bind, int port, String id, String version) throws IOException {
        return start(bind, port, id, version, detail -> { });
    }

    /**
     * As {@link #start(String, int, String, String)}, telling {@code observer} each interval of every
     * plan (on the load's thread, once a second; its histograms are only valid during the call).
     */
    public static AgentServer start(String bind, int port, String id, String version,
                                    java.util.function.Consumer<IntervalDetail> observer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 50);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "agent-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        AgentServer agent = new AgentServer(server, executor, new AgentWorker(id, version, observer));
        server.createContext(AgentApi.STATUS, agent::handle);
        server.start();
        return agent;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (method + " " + path) {
                case "GET " + AgentApi.STATUS -> send(exchange, 200, worker.status());
                case "POST " + AgentApi.PLAN -> plan(exchange);
                case "GET " + AgentApi.INTERVALS -> send(exchange, 200, worker.intervalsAfter(after(exchange)));
                case "GET " + AgentApi.RESULT -> orConflict(exchange, worker.result(), "the run has not ended yet");
                case "GET " + AgentApi.WRITES -> orConflict(exchange, worker.writes(), "no finished run to read writes from");
                case "POST " + AgentApi.STOP -> {
                    worker.stop();
                    send(exchange, 202, worker.status());
                }
                default -> send(exchange, 404, new AgentWire.Error("no such endpoint: " + method + " " + path
                        + "; see " + AgentApi.ALL_CALLS));
            }
        } catch (IllegalArgumentException e) {
            sendQuietly(exchange, 400, e.getMessage());
        } catch (RuntimeException e) {
            sendQuietly(exchange, 500, e.toString());
        } finally {
            exchange.close();
        }
    }

    private static void sendQuietly(HttpExchange exchange, int status, String message) {
        try {
            send(exchange, status, new AgentWire.Error(message));
        } catch (IOException | RuntimeException ignored) {
            // The response was under way already, or the client went away.
        }
    }

    private void plan(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            LoadPlan plan = AgentWire.readPlan(body);
            send(exchange, 202, new AgentWire.Started(worker.start(plan)));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, new AgentWire.Error(e.getMessage()));
        } catch (IllegalStateException e) {
            send(exchange, 409, new AgentWire.Error(e.getMessage()));
        }
    }

    private static long after(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) return 0;
        for (String part : query.split("&")) {
            if (part.startsWith(AgentApi.AFTER + "=")) {
                try {
                    return Long.parseLong(part.substring(AgentApi.AFTER.length() + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(AgentApi.AFTER + " must be a number: " + part);
                }
            }
        }
        return 0;
    }

    private void orConflict(HttpExchange exchange, Object body, String why) throws IOException {
        if (body == null) {
            send(exchange, 409, new AgentWire.Error(why + " (state " + worker.status().state() + ")"));
        } else {
            send(exchange, 200, body);
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = AgentWire.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    @Override
    public void close() {
        worker.stop();
        server.stop(0);
        executor.shutdownNow();
    }
}
