package io.repram.orchestrate.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Which of a set of keys one node serves. Cheap way first: the node's paged key listing
 * ({@code GET /v1/keys?prefix=&limit=&cursor=}); a node that does not answer it (upstream nodes,
 * older versions) is asked key by key with GETs.
 */
final class KeyPresence {

    /** How a node's presence was read. */
    enum Method { LISTING, PER_KEY, UNREACHABLE }

    /** @param present bit i set when the node serves key i; {@code unanswered} keys got no answer at all */
    record Result(Method method, BitSet present, long unanswered) {
    }

    static final int PAGE_LIMIT = 10_000;
    private static final int MAX_IN_FLIGHT = 16;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;

    KeyPresence(HttpClient http) {
        this.http = http;
    }

    /**
     * @param keys  the keys asked about, by index
     * @param index key to its index in {@code keys}
     * @param only  the indices to ask about; the others stay unset
     */
    Result read(URI base, String prefix, List<String> keys, Map<String, Integer> index, BitSet only)
            throws InterruptedException {
        try {
            BitSet listed = list(base, prefix, index);
            if (listed != null) {
                listed.and(only);
                return new Result(Method.LISTING, listed, 0);
            }
        } catch (IOException e) {
            return new Result(Method.UNREACHABLE, new BitSet(), only.cardinality());
        }
        return perKey(base, keys, only);
    }

    /** The node's listing restricted to {@code index}; null when the node has no usable listing. */
    private BitSet list(URI base, String prefix, Map<String, Integer> index) throws IOException, InterruptedException {
        BitSet present = new BitSet();
        String cursor = null;
        do {
            String query = "/v1/keys?limit=" + PAGE_LIMIT + "&prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8)
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<byte[]> resp = http.send(HttpRequest.newBuilder(base.resolve(query)).timeout(READ_TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) {
                return null;
            }
            JsonNode page;
            try {
                page = JSON.readTree(resp.body());
            } catch (IOException notJson) {
                return null;
            }
            JsonNode listed = page == null ? null : page.get("keys");
            if (listed == null || !listed.isArray()) {
                return null;
            }
            for (JsonNode k : listed) {
                Integer i = index.get(k.asText());
                if (i != null) {
                    present.set(i);
                }
            }
            JsonNode next = page.get("next_cursor");
            String nextCursor = next == null || next.isNull() ? null : next.asText();
            if (nextCursor != null && nextCursor.equals(cursor)) {
                return null;
            }
            cursor = nextCursor;
        } while (cursor != null);
        return present;
    }

    private Result perKey(URI base, List<String> keys, BitSet only) throws InterruptedException {
        Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        List<Integer> asked = new ArrayList<>();
        for (int i = only.nextSetBit(0); i >= 0; i = only.nextSetBit(i + 1)) {
            slots.acquire();
            asked.add(i);
            HttpRequest req = HttpRequest.newBuilder(base.resolve("/v1/data/" + keys.get(i))).timeout(READ_TIMEOUT)
                    .GET().build();
            futures.add(http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode).exceptionally(e -> -1)
                    .whenComplete((v, e) -> slots.release()));
        }
        BitSet present = new BitSet();
        long unanswered = 0;
        for (int j = 0; j < futures.size(); j++) {
            int status = futures.get(j).join();
            if (status == 200) {
                present.set(asked.get(j));
            } else if (status != 404) {
                unanswered++;
            }
        }
        Method method = !futures.isEmpty() && unanswered == futures.size() ? Method.UNREACHABLE : Method.PER_KEY;
        return new Result(method, present, unanswered);
    }
}
