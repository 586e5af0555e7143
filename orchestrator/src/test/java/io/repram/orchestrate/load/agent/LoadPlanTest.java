package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.engine.AgentEndpoint;
import io.repram.orchestrate.load.KeyRange;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.scenario.Workload;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans: validation with clear messages (also over HTTP), and how a cell's load is split. */
class LoadPlanTest {

    private static final String GOOD = """
            {"targets":["http://127.0.0.1:8080"],
             "workload":{"putPercent":70,"ttlSeconds":300,"keySpace":1000,"ratePerSecond":null,"targets":"ALL"},
             "concurrency":4,"payloadBytes":64,"warmupMillis":0,"durationMillis":1000,"requestTimeoutMillis":2000,
             "seed":1,"keyRange":{"offset":0,"count":500}}""";

    @Test
    void aGoodPlanParses() {
        LoadPlan plan = AgentWire.readPlan(bytes(GOOD));
        LoadSpec spec = plan.toSpec();
        assertEquals(4, spec.concurrency());
        assertEquals(0, spec.keyOffset());
        assertEquals(500, spec.keyCount());
    }

    @Test
    void aSpecSurvivesTheWireUnchanged() throws Exception {
        LoadSpec spec = new LoadSpec(List.of(URI.create("http://10.0.0.7:8080"), URI.create("http://10.0.0.8:8080/p")),
                new Workload(35, 600, 7000, 1234, Workload.Targets.ALL), 17, 2048, Duration.ofMillis(1500),
                Duration.ofSeconds(90), Duration.ofMillis(2500), -42, new KeyRange(3500, 1750));
        LoadPlan sent = LoadPlan.of(spec);
        LoadPlan received = AgentWire.readPlan(AgentWire.MAPPER.writeValueAsBytes(sent));
        assertEquals(sent, received);
        assertEquals(spec, received.toSpec());
        LoadSpec first = LoadSpec.of(List.of(URI.create("http://n0:1"), URI.create("http://n1:1")),
                new Workload(0, 300, 10, null, Workload.Targets.FIRST), 1, 0, Duration.ZERO, Duration.ofMillis(1),
                Duration.ofMillis(1), 0);
        assertEquals(first, AgentWire.readPlan(AgentWire.MAPPER.writeValueAsBytes(LoadPlan.of(first))).toSpec());
    }

    @Test
    void badPlansNameTheFieldAndWhatIsAllowed() {
        assertMessage(GOOD.replace("\"seed\"", "\"agentz\":2,\"seed\""), "unknown field(s) [agentz]", "allowed: targets");
        assertMessage(GOOD.replace("\"ttlSeconds\"", "\"ttl\":1,\"ttlSeconds\""), "unknown field(s) [workload.ttl]",
                "workload.ttlSeconds");
        assertMessage(GOOD.replace("\"concurrency\":4", "\"concurrency\":-1"), "concurrency must be 1..10000, got -1");
        assertMessage(GOOD.replace("http://127.0.0.1:8080", "ftp://127.0.0.1:8080"), "field 'targets'",
                "'ftp://127.0.0.1:8080'", "http://HOST:PORT");
        assertMessage(GOOD.replace("\"putPercent\":70,", ""), "missing field(s) [workload.putPercent]");
        assertMessage(GOOD.replace("\"putPercent\":70", "\"putPercent\":170"), "field 'workload.putPercent'",
                "0..100, got 170");
        assertMessage(GOOD.replace("\"offset\":0", "\"offset\":900"), "field 'keyRange'", "900+500", "0..999");
        assertMessage(GOOD.replace("\"concurrency\":4", "\"concurrency\":\"many\""), "field 'concurrency'");
        assertMessage(GOOD.replace("\"ALL\"", "\"SOME\""), "field 'workload.targets'");
        assertMessage(GOOD.replace("\"ALL\"", "null"), "field 'workload.targets'");
        assertMessage(GOOD.replace("\"keyRange\":{\"offset\":0,\"count\":500}", "\"keyRange\":null"), "field 'keyRange'");
        assertMessage("[1,2]", "expected a JSON object");
        assertMessage("{nope", "not valid JSON");
    }

    @Test
    void aRunningAgentAnswersABadPlanWith400AndTheMessage() throws Exception {
        try (AgentServer agent = AgentServer.start("127.0.0.1", 0, "test-agent", "test")) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(agent.uri() + "/v1/agent/plan"))
                    .POST(HttpRequest.BodyPublishers.ofString(GOOD.replace("\"concurrency\":4", "\"concurrency\":-1")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("concurrency must be 1..10000, got -1"), r.body());
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(agent.uri() + "/v1/agent")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(status.body().contains("\"state\":\"idle\""), status.body());
            HttpResponse<String> result = http.send(HttpRequest.newBuilder(URI.create(agent.uri() + "/v1/agent/result"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(409, result.statusCode(), "no result before a run: " + result.body());

            // The orchestrator's client turns the 400 into a clear IllegalArgumentException.
            AgentEndpoint endpoint = new AgentEndpoint(0, "test-agent", agent.uri(), List.of(URI.create("http://127.0.0.1:1")),
                    "in-process", null);
            LoadPlan rejected = new LoadPlan(List.of(URI.create("http://127.0.0.1:1")),
                    new Workload(50, 300, 10, null, Workload.Targets.ALL), 1, 1, 0, -5, 1000, 1, new KeyRange(0, 10));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new AgentClient(http, endpoint).post(rejected));
            assertTrue(e.getMessage().contains("rejected its load plan: bad load plan: durationMillis must be at least 1"),
                    e.getMessage());
        }
    }

    @Test
    void connectionsAndRateAreSplitWithTheRemainderToTheFirstAgents() {
        List<AgentEndpoint> three = agents(3);
        List<LoadPlan> plans = DistributedLoad.plans(three, spec(10, 101, 1000), 2);
        assertEquals(List.of(4, 3, 3), plans.stream().map(LoadPlan::concurrency).toList());
        assertEquals(List.of(34, 34, 33), plans.stream().map(p -> p.workload().ratePerSecond()).toList());
        assertEquals(List.of(URI.create("http://n0:1"), URI.create("http://n1:1")), plans.get(2).targets());
        // Key ranges are disjoint and cover the key space.
        List<Integer> keys = new ArrayList<>();
        for (LoadPlan p : plans) {
            LoadSpec s = p.toSpec();
            for (int k = s.keyOffset(); k < s.keyOffset() + s.keyCount(); k++) keys.add(k);
        }
        assertEquals(1000, keys.size());
        assertEquals(1000, keys.stream().distinct().count());
        assertEquals(999, keys.stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    @Test
    void fewerConnectionsThanAgentsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DistributedLoad.plans(agents(3), spec(2, null, 1000), 1));
        assertTrue(e.getMessage().contains("concurrency 2 is less than the 3 load agents"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DistributedLoad.plans(agents(3), spec(3, 2, 1000), 1));
        assertTrue(e.getMessage().contains("rate 2 req/s is less than the 3 load agents"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DistributedLoad.plans(agents(3), spec(3, null, 2), 1));
        assertTrue(e.getMessage().contains("key space 2 is smaller than the 3 load agents"), e.getMessage());
    }

    private static LoadSpec spec(int concurrency, Integer rate, int keySpace) {
        Duration d = Duration.ofSeconds(1);
        return LoadSpec.of(List.of(URI.create("http://127.0.0.1:1")),
                new Workload(50, 300, keySpace, rate, Workload.Targets.ALL), concurrency, 64, d, d, d, 9);
    }

    private static List<AgentEndpoint> agents(int n) {
        List<AgentEndpoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new AgentEndpoint(i, "a" + i, URI.create("http://127.0.0.1:1"),
                    List.of(URI.create("http://n0:1"), URI.create("http://n1:1"), URI.create("http://n2:1")), "test", null));
        }
        return out;
    }

    private static void assertMessage(String json, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentWire.readPlan(bytes(json)));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("bad load plan: "), e.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
