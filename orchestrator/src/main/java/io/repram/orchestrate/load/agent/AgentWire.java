package io.repram.orchestrate.load.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.repram.orchestrate.load.AcknowledgedWrites;
import io.repram.orchestrate.results.LoadFigures;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The JSON documents of the agent's control API (camelCase keys), and their two mappers. */
public final class AgentWire {

    /** An agent's state: idle until the first plan, running, then done or failed until the next plan. */
    public enum State { idle, running, done, failed }

    /** {@code GET /v1/agent}. @param run number of the latest plan, 0 before the first */
    public record Status(String id, State state, int cores, String version, int run, String error) {
    }

    /** {@code POST /v1/agent/plan} answer (202). */
    public record Started(int run) {
    }

    /** Any 4xx/5xx answer. */
    public record Error(String error) {
    }

    /**
     * One interval of about a second. Histograms: {@link HistogramCodec}, latencies and slips in
     * nanoseconds. {@code cpuPercent} is the agent process's CPU over the interval, 100 = one core.
     */
    public record Interval(long seq, long epochMillis, double seconds, boolean warmup, long puts, long gets,
                           long successes, long failures, Map<String, Long> errorsByClass, String putHistogram,
                           String getHistogram, String sendSlipHistogram, double cpuPercent, long maxSendSlipMicros) {
    }

    /** {@code GET /v1/agent/intervals?after=SEQ}: the intervals with a larger seq, oldest first. */
    public record Intervals(int run, State state, String error, List<Interval> intervals) {
    }

    /** {@code GET /v1/agent/result}: the measured window (warm-up excluded) once the run ended. */
    public record Result(int run, State state, String error, LoadFigures figures, String putHistogram,
                         String getHistogram, String sendSlipHistogram) {
    }

    /** {@code GET /v1/agent/writes}: the PUTs answered 201, latest acknowledgement per key. */
    public record Writes(int run, List<AcknowledgedWrites.Write> writes) {
    }

    /** Strict: what an agent accepts as a plan. */
    static final ObjectMapper PLAN_MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Lenient: what the orchestrator reads back, so that an agent one version newer still reports. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AgentWire() {
    }

    /**
     * Parses and validates a plan.
     *
     * @throws IllegalArgumentException naming the bad field and what is allowed
     */
    public static LoadPlan readPlan(byte[] json) {
        JsonNode tree;
        try {
            tree = PLAN_MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("bad load plan: not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad load plan: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("bad load plan: expected a JSON object with the fields " + fields());
        }
        List<String> unknown = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        checkFields(tree, LoadPlan.class, "", unknown, missing);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("bad load plan: unknown field(s) " + unknown + "; allowed: " + fields());
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("bad load plan: missing field(s) " + missing
                    + "; every field is required (workload.ratePerSecond may be null for a closed loop)");
        }
        LoadPlan plan;
        try {
            plan = PLAN_MAPPER.treeToValue(tree, LoadPlan.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(java.util.Objects::nonNull).collect(Collectors.joining("."));
            throw new IllegalArgumentException("bad load plan: " + (field.isEmpty() ? "" : "field '" + field + "': ")
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad load plan: " + e.getMessage(), e);
        }
        plan.toSpec();
        return plan;
    }

    /**
     * Names the unknown and the missing fields of {@code node}, a {@code type}, and of the records
     * inside it, as dotted paths ({@code workload.putPercent}).
     */
    private static void checkFields(JsonNode node, Class<?> type, String prefix, List<String> unknown,
                                    List<String> missing) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        node.fieldNames().forEachRemaining(f -> {
            if (!names.contains(f)) unknown.add(prefix + f);
        });
        for (RecordComponent c : components) {
            JsonNode value = node.get(c.getName());
            if (value == null) {
                missing.add(prefix + c.getName());
            } else if (c.getType().isRecord() && value.isObject()) {
                checkFields(value, c.getType(), prefix + c.getName() + ".", unknown, missing);
            }
        }
    }

    /** Every field a plan has, records inside it spelled out. */
    private static String fields() {
        List<String> out = new ArrayList<>();
        leaves(LoadPlan.class, "", out);
        return String.join(", ", out);
    }

    private static void leaves(Class<?> type, String prefix, List<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType().isRecord()) {
                leaves(c.getType(), prefix + c.getName() + ".", out);
            } else {
                out.add(prefix + c.getName());
            }
        }
    }
}
