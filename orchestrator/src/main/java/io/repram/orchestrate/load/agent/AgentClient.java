package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.engine.AgentEndpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The orchestrator's side of one agent's control API. */
final class AgentClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final AgentEndpoint agent;

    AgentClient(HttpClient http, AgentEndpoint agent) {
        this.http = http;
        this.agent = agent;
    }

    AgentEndpoint endpoint() {
        return agent;
    }

    AgentWire.Status status() throws IOException {
        return get(AgentApi.STATUS, AgentWire.Status.class);
    }

    /** @throws IllegalArgumentException with the agent's message when it rejects the plan (400) */
    int post(LoadPlan plan) throws IOException {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri(AgentApi.PLAN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(AgentWire.MAPPER.writeValueAsBytes(plan))));
        if (r.statusCode() == 400) {
            throw new IllegalArgumentException(describe() + " rejected its load plan: " + error(r));
        }
        check(r, "POST " + AgentApi.PLAN);
        return AgentWire.MAPPER.readValue(r.body(), AgentWire.Started.class).run();
    }

    AgentWire.Intervals intervalsAfter(long seq) throws IOException {
        return get(AgentApi.INTERVALS + "?" + AgentApi.AFTER + "=" + seq, AgentWire.Intervals.class);
    }

    AgentWire.Result result() throws IOException {
        return get(AgentApi.RESULT, AgentWire.Result.class);
    }

    AgentWire.Writes writes() throws IOException {
        return get(AgentApi.WRITES, AgentWire.Writes.class);
    }

    /** Never throws: stopping is best effort, the agent ends its run at the plan's end anyway. */
    void stop() {
        try {
            send(HttpRequest.newBuilder(uri(AgentApi.STOP)).POST(HttpRequest.BodyPublishers.noBody()));
        } catch (IOException ignored) {
            // Unreachable: nothing more to do from here.
        }
    }

    String describe() {
        return "load agent " + agent.index() + " (" + agent.id() + " at " + agent.controlUri() + ")";
    }

    private <T> T get(String path, Class<T> type) throws IOException {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri(path)).GET());
        check(r, "GET " + path);
        return AgentWire.MAPPER.readValue(r.body(), type);
    }

    private void check(HttpResponse<byte[]> r, String what) throws IOException {
        if (r.statusCode() / 100 != 2) {
            throw new IOException(describe() + " answered " + what + " with " + r.statusCode() + ": " + error(r));
        }
    }

    private static String error(HttpResponse<byte[]> r) {
        try {
            return AgentWire.MAPPER.readValue(r.body(), AgentWire.Error.class).error();
        } catch (IOException e) {
            return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to " + describe(), e);
        } catch (IOException e) {
            throw new IOException(describe() + " is unreachable: " + e, e);
        }
    }

    private URI uri(String path) {
        String base = agent.controlUri().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
