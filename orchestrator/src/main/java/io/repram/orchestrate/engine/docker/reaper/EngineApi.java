package io.repram.orchestrate.engine.docker.reaper;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few Docker Engine API calls the reaper makes, as HTTP/1.0 over the daemon's unix socket.
 * JDK only: this class runs inside the reaper image, whose JRE has nothing but java.base.
 * HTTP/1.0 makes the daemon close the connection after each response, so a body is simply
 * everything up to EOF (never chunked).
 */
public final class EngineApi {
    private static final Pattern ID = Pattern.compile("\"Id\"\\s*:\\s*\"([0-9a-f]{64})\"");
    /** Swarm objects (services) are named by "ID", 25 characters of base 36. */
    private static final Pattern SWARM_ID = Pattern.compile("\"ID\"\\s*:\\s*\"([0-9a-z]{25})\"");
    private final String socketPath;

    public EngineApi(String socketPath) {
        this.socketPath = socketPath;
    }

    /** Status and body of one call. */
    public record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Ids of every container (any state) whose labels match all the filters ("key=value"). */
    public List<String> containerIds(List<String> labelFilters) throws IOException {
        Response r = call("GET", "/containers/json?all=1&filters=" + encode(filters(Map.of("label", labelFilters))));
        if (!r.ok()) throw new IOException("listing containers: HTTP " + r.status() + " " + r.body());
        return ids(r.body());
    }

    /**
     * Ids of every swarm service whose labels match all the filters; none when the Engine is not a
     * swarm manager (it then answers 503, and there are no services of ours to remove through it).
     */
    public List<String> serviceIds(List<String> labelFilters) throws IOException {
        Response r = call("GET", "/services?filters=" + encode(filters(Map.of("label", labelFilters))));
        if (r.status() == 503) return List.of();
        if (!r.ok()) {
            // Containers and networks must still be reaped: a services API that fails must not stop that.
            System.err.println("reaper: listing services: HTTP " + r.status() + " " + r.body().strip());
            return List.of();
        }
        return swarmIds(r.body());
    }

    /** Removes a swarm service; swarm then stops its tasks. */
    public boolean removeService(String id) throws IOException {
        return call("DELETE", "/services/" + id).ok();
    }

    static List<String> swarmIds(String json) {
        List<String> ids = new ArrayList<>();
        Matcher m = SWARM_ID.matcher(json);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    /** Force-removes a container with its anonymous volumes; a paused one is unpaused first (the daemon may refuse otherwise). */
    public boolean removeContainer(String id) throws IOException {
        call("POST", "/containers/" + id + "/unpause");
        Response r = call("DELETE", "/containers/" + id + "?force=1&v=1");
        return r.ok();
    }

    /** Removes every network with all of {@code labels} and none of {@code notLabels} that no container uses. */
    public Response pruneNetworks(List<String> labels, List<String> notLabels) throws IOException {
        return call("POST", "/networks/prune?filters=" + encode(filters(Map.of("label", labels, "label!", notLabels))));
    }

    /** The Engine API's filter JSON: {"label":["a=b","c=d"],...}. Values are label filters we build, never user text. */
    static String filters(Map<String, List<String>> filters) {
        StringJoiner out = new StringJoiner(",", "{", "}");
        filters.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            StringJoiner values = new StringJoiner(",", "[", "]");
            e.getValue().forEach(v -> values.add(quote(v)));
            out.add(quote(e.getKey()) + ":" + values);
        });
        return out.toString();
    }

    static List<String> ids(String json) {
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(json);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public Response call(String method, String pathAndQuery) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socketPath));
            String request = method + " " + pathAndQuery + " HTTP/1.0\r\nHost: docker\r\nContent-Length: 0\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) ch.write(out);
            String raw = new String(Channels.newInputStream(ch).readAllBytes(), StandardCharsets.UTF_8);
            return parse(raw);
        }
    }

    static Response parse(String raw) throws IOException {
        int headerEnd = raw.indexOf("\r\n\r\n");
        String[] statusLine = raw.substring(0, Math.max(0, raw.indexOf("\r\n"))).split(" ");
        if (headerEnd < 0 || statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response from the Docker socket: " + raw.substring(0, Math.min(200, raw.length())));
        }
        try {
            return new Response(Integer.parseInt(statusLine[1]), raw.substring(headerEnd + 4));
        } catch (NumberFormatException e) {
            throw new IOException("bad HTTP status line: " + statusLine[1], e);
        }
    }
}
