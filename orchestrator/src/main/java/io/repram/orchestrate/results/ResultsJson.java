package io.repram.orchestrate.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.repram.orchestrate.scenario.Units;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The one JSON mapping of the results directory: snake_case keys like summary.csv and the
 * scenario files, durations written as in scenario files ("60s"), instants as ISO-8601, latencies
 * as whole microseconds and every other decimal with at most {@value #DECIMALS} places.
 * Unknown keys are ignored on read, so files from another tool version still load. Every file
 * starts with {@code "schema_version"}; docs/results.md describes schema {@value #SCHEMA_VERSION}.
 */
public final class ResultsJson {

    /** The version of the results layout this tool writes; files without one are version 1. */
    public static final int SCHEMA_VERSION = 2;
    public static final String SCHEMA_VERSION_KEY = "schema_version";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("durations")
                    .addSerializer(Duration.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Duration d, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeString(Units.formatDuration(d));
                        }
                    })
                    .addDeserializer(Duration.class, new JsonDeserializer<>() {
                        @Override
                        public Duration deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            return Units.parseDuration(p.getValueAsString());
                        }
                    })
                    .addSerializer(Double.class, new Decimals())
                    .addSerializer(Double.TYPE, new Decimals()))
            .addMixIn(LatencySummary.class, ResultsMixIns.LatencySummaryNames.class)
            .addMixIn(LoadFigures.class, ResultsMixIns.LoadFiguresNames.class)
            .addMixIn(NodeFigures.Outage.class, ResultsMixIns.OutageNames.class)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Keeps "2000.0" a decimal on its way through a tree (ResultsJson.write) instead of "2E+3".
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Decimal places of every non-integral figure in a results file: rates, percents, seconds. */
    public static final int DECIMALS = 3;

    private ResultsJson() {
    }

    /**
     * Every decimal figure rounded to {@link #DECIMALS} places and written plain: no exponent
     * ({@code 4.355581491791908E7}) and no binary noise ({@code 1400.0000000002}). Integral
     * figures keep one decimal place so that a reader can tell a rate from a count. Not finite
     * (no such figure is expected) is written as null: JSON has no NaN.
     */
    static final class Decimals extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator g, SerializerProvider p) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                g.writeNull();
                return;
            }
            BigDecimal d = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
            g.writeNumber(d.scale() < 1 ? d.setScale(1) : d);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as an indented JSON document whose first key is {@code schema_version}. */
    public static String write(Object value) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(SCHEMA_VERSION_KEY, SCHEMA_VERSION);
        JsonNode body = MAPPER.valueToTree(value);
        root.setAll((ObjectNode) body);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("results cannot be serialised: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a results file of any schema version: a version 1 file goes through {@code upgradeV1}
     * first. A file of a newer version than this tool knows is refused rather than misread.
     */
    public static <T> T read(Path file, Class<T> type, UnaryOperator<ObjectNode> upgradeV1) {
        try {
            JsonNode tree = MAPPER.readTree(file.toFile());
            if (!(tree instanceof ObjectNode root)) {
                throw new ResultsException("cannot read " + file + ": it is not a JSON object (the file is damaged; "
                        + "delete it to re-run that part with --resume)");
            }
            int version = SchemaV1.version(root);
            if (version > SCHEMA_VERSION) {
                throw new ResultsException(file + " has schema_version " + version + ", newer than this tool's "
                        + SCHEMA_VERSION + "; read it with a newer repram-orchestrate");
            }
            ObjectNode current = version == 1 ? upgradeV1.apply(root) : root;
            current.remove(SCHEMA_VERSION_KEY);
            return MAPPER.treeToValue(current, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new ResultsException("cannot read " + file + ": " + e.getMessage()
                    + " (the file is damaged; delete it to re-run that part with --resume)", e);
        }
    }
}
