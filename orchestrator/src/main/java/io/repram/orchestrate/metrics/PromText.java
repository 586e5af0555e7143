package io.repram.orchestrate.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format (version 0.0.4) that {@code /v1/metrics} serves; the
 * one parser of it, for the monitor and for the swarm engine's stats poller. Hand-written because
 * the Prometheus Java client the node uses (prometheus-metrics 1.3.x) only writes the format:
 * {@code prometheus-metrics-exposition-textformats} holds the Prometheus text, OpenMetrics and
 * protobuf writers and no parser (nor is it on the orchestrator's classpath).
 */
public final class PromText {

    /** One sample line: {@code name{labels} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public Sample {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }

        public String label(String key) {
            return labels.get(key);
        }
    }

    private PromText() {
    }

    /**
     * Parses every sample line; comments ({@code # HELP}, {@code # TYPE}) and blank lines are skipped.
     *
     * @throws IllegalArgumentException naming the line when it is not in the text format
     */
    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        int lineNo = 0;
        for (String raw : text.split("\n")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            try {
                samples.add(parseLine(line));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + lineNo + " is not Prometheus text format ("
                        + e.getMessage() + "): " + abbreviate(line), e);
            }
        }
        return samples;
    }

    private static Sample parseLine(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) i++;
        String name = line.substring(0, i);
        if (name.isEmpty()) throw new IllegalArgumentException("no metric name");
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = parseLabels(line, i + 1, labels);
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        if (rest.length == 0 || rest[0].isEmpty()) throw new IllegalArgumentException("no value");
        return new Sample(name, labels, parseValue(rest[0]));
    }

    /** Parses {@code key="value",...}} from {@code start}; returns the index after the closing brace. */
    private static int parseLabels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == ' ')) i++;
            if (i >= line.length()) throw new IllegalArgumentException("unclosed '{'");
            if (line.charAt(i) == '}') return i + 1;
            int eq = line.indexOf('=', i);
            if (eq < 0) throw new IllegalArgumentException("label without '='");
            String key = line.substring(i, eq).strip();
            i = eq + 1;
            if (i >= line.length() || line.charAt(i) != '"') throw new IllegalArgumentException("label value not quoted");
            StringBuilder value = new StringBuilder();
            i++;
            while (true) {
                if (i >= line.length()) throw new IllegalArgumentException("unterminated label value");
                char c = line.charAt(i++);
                if (c == '"') break;
                if (c == '\\' && i < line.length()) {
                    char esc = line.charAt(i++);
                    value.append(esc == 'n' ? '\n' : esc);
                } else {
                    value.append(c);
                }
            }
            labels.put(key, value.toString());
        }
    }

    /** The value of the first sample named {@code name} (labels or not), or NaN when there is none. */
    public static double first(List<Sample> samples, String name) {
        for (Sample s : samples) {
            if (s.name().equals(name)) return s.value();
        }
        return Double.NaN;
    }

    /** A sample value or a bucket bound ({@code le}): a number, {@code +Inf}, {@code -Inf} or {@code NaN}. */
    public static double parseValue(String token) {
        return switch (token) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(token);
        };
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
