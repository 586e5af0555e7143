package io.repram.orchestrate.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repram.orchestrate.scenario.FaultSpec;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioException;
import io.repram.orchestrate.scenario.ScenarioLoader;
import io.repram.orchestrate.scenario.Units;
import io.repram.orchestrate.scenario.Workload;
import io.repram.orchestrate.scenario.Measurement;

import java.math.BigDecimal;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The scenario section of run.json, spelled with the scenario file's keys and value forms
 * ({@code rate}, {@code memory}, {@code targets: all}, durations as "60s"), so that the section
 * is itself a scenario file (JSON is YAML): it is read back through {@link ScenarioLoader}, which
 * validates it as it would a file, and can be saved and run again as it is.
 */
public final class ScenarioJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioJson() {
    }

    /** The scenario as a scenario file's tree. */
    public static ObjectNode toTree(Scenario s) {
        ObjectNode root = NODES.objectNode();
        root.put("name", s.name());
        root.put("image", s.image());
        ObjectNode matrix = root.putObject("matrix");
        s.matrix().clusterSizes().forEach(matrix.putArray("cluster_sizes")::add);
        s.matrix().concurrency().forEach(matrix.putArray("concurrency")::add);
        s.matrix().payloadBytes().forEach(matrix.putArray("payload_bytes")::add);
        Measurement m = s.measurement();
        if (m.adaptive()) {
            root.putObject("duration").put("min", Units.formatDuration(m.minDuration()))
                    .put("max", Units.formatDuration(s.duration()))
                    .put("precision", BigDecimal.valueOf(m.precisionPercent()).stripTrailingZeros().toPlainString() + "%");
        } else {
            root.put("duration", Units.formatDuration(s.duration()));
        }
        if (m.warmupUntilStable()) {
            root.putObject("warmup").put("until", "stable").put("max", Units.formatDuration(s.warmup()));
        } else {
            root.put("warmup", Units.formatDuration(s.warmup()));
        }
        if (m.repeat() != 1) root.put("repeat", m.repeat());
        if (m.freshClusterPerTrial()) root.put("repeat_fresh_cluster", true);
        ObjectNode cooldown = root.putObject("cooldown");
        cooldown.put("between_scenarios", Units.formatDuration(s.cooldown().betweenScenarios()));
        cooldown.put("between_cluster_sizes", Units.formatDuration(s.cooldown().betweenClusterSizes()));
        Workload w = s.workload();
        ObjectNode workload = root.putObject("workload");
        workload.put("put_percent", w.putPercent());
        workload.put("ttl_seconds", w.ttlSeconds());
        workload.put("key_space", w.keySpace());
        workload.put("rate", w.ratePerSecond());
        workload.put("targets", w.targets().name().toLowerCase(Locale.ROOT));
        ObjectNode node = root.putObject("node");
        ObjectNode env = node.putObject("env");
        new TreeMap<>(s.node().env()).forEach(env::put);
        node.put("cpus", s.node().cpus());
        node.put("memory", s.node().memoryBytes());
        // Only when set: files of versions without them stay byte-identical.
        if (s.node().network() != null) node.put("network", s.node().network());
        if (s.node().cpuset() != null) node.put("cpuset", s.node().cpuset());
        ObjectNode thresholds = root.putObject("thresholds");
        new TreeMap<>(s.thresholds()).forEach(thresholds::put);
        var faults = root.putArray("faults");
        for (FaultSpec f : s.faults()) {
            ObjectNode fault = faults.addObject().put("at", Units.formatDuration(f.at())).put("action", f.action());
            // A node index is a number in a scenario file; "random" and "all-but-one" are words.
            if (f.node().matches("\\d+")) {
                fault.put("node", Integer.parseInt(f.node()));
            } else {
                fault.put("node", f.node());
            }
        }
        // The loader's load.agents starts at 1: the in-process generator is the block's absence.
        if (s.load().distributed() || s.load().isolate()) {
            ObjectNode load = root.putObject("load");
            if (s.load().distributed()) load.put("agents", s.load().agents());
            if (s.load().isolate()) load.put("isolate", true);
        }
        if (s.search() != null) {
            ObjectNode search = root.putObject("search");
            ObjectNode slo = search.putObject("slo");
            s.search().sloExpressions().forEach(slo::put);
            search.put("start_rate", s.search().startRate()).put("max_rate", s.search().maxRate())
                    .put("step", Units.formatDuration(s.search().step()))
                    .put("warmup", Units.formatDuration(s.search().warmup()))
                    .put("resolution", s.search().resolutionPercent());
        }
        return root;
    }

    /** Loads a scenario tree as the scenario file it is; {@code source} names it in messages. */
    public static Scenario fromTree(JsonNode tree, String source) {
        String text;
        try {
            text = ResultsJson.mapper().writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // Warnings (a short TTL, say) were shown when the run started; a re-read need not repeat them.
        return ScenarioLoader.parse(new StringReader(text), source, tree.path("name").asText("scenario"), w -> { });
    }

    public static final class Out extends JsonSerializer<Scenario> {
        @Override
        public void serialize(Scenario s, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeTree(toTree(s));
        }
    }

    public static final class In extends JsonDeserializer<Scenario> {
        @Override
        public Scenario deserialize(JsonParser p, DeserializationContext c) throws IOException {
            JsonNode tree = p.readValueAsTree();
            try {
                return fromTree(tree, "run.json scenario");
            } catch (ScenarioException e) {
                throw JsonMappingException.from(p, "its scenario does not load as a scenario file: " + e.getMessage(), e);
            }
        }
    }
}
