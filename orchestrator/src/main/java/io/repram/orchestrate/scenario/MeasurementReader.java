package io.repram.orchestrate.scenario;

import io.repram.orchestrate.scenario.YamlTree.MapNode;
import io.repram.orchestrate.scenario.YamlTree.Node;

import java.time.Duration;
import java.util.List;

/**
 * Reads the keys of {@link Measurement}: {@code repeat}, {@code repeat_fresh_cluster}, and the map
 * forms of {@code duration: {min, max, precision}} and {@code warmup: {until: stable, max}}. The plain
 * forms ({@code duration: 60s}, {@code warmup: 5s}) stay with the loader.
 */
final class MeasurementReader {

    static final List<String> DURATION_KEYS = List.of("min", "max", "precision");
    static final List<String> WARMUP_KEYS = List.of("until", "max");

    /** A duration or warm-up read from either form. */
    record Window(Duration length, Duration min, Double precisionPercent, boolean untilStable) {
    }

    private final ValueReader values;

    MeasurementReader(ValueReader values) {
        this.values = values;
    }

    static boolean isMap(Node n) {
        return n instanceof MapNode;
    }

    /** {@code duration: {min: 10s, max: 60s, precision: 3%}}; null after a reported problem. */
    Window adaptiveDuration(Node n) {
        MapNode m = values.mapping(n, "duration", DURATION_KEYS);
        if (m == null) return null;
        for (String key : DURATION_KEYS) {
            if (!m.entries().containsKey(key)) {
                values.problem(n, "duration as a mapping needs min, max and precision, e.g. "
                        + "{min: 10s, max: 60s, precision: 3%}; " + key + " is missing (or give one duration: 60s)");
                return null;
            }
        }
        Duration min = values.duration(m.entries().get("min").value(), "duration.min",
                ScenarioDefaults.MIN_DURATION, ScenarioDefaults.MAX_DURATION);
        Duration max = values.duration(m.entries().get("max").value(), "duration.max",
                ScenarioDefaults.MIN_DURATION, ScenarioDefaults.MAX_DURATION);
        Double precision = values.parsed(m.entries().get("precision").value(), "duration.precision",
                MeasurementReader::percent, "a percentage such as 3%");
        if (precision != null && (precision < ScenarioDefaults.MIN_PRECISION_PERCENT
                || precision > ScenarioDefaults.MAX_PRECISION_PERCENT)) {
            values.problem(m.entries().get("precision").value(), "duration.precision " + precision + "% is out of range; allowed "
                    + ScenarioDefaults.MIN_PRECISION_PERCENT + "%.." + ScenarioDefaults.MAX_PRECISION_PERCENT + "%");
            return null;
        }
        if (min == null || max == null || precision == null) return null;
        if (min.compareTo(max) > 0) {
            values.problem(n, "duration.min " + Units.formatDuration(min) + " is longer than duration.max "
                    + Units.formatDuration(max) + "; make min at most max");
            return null;
        }
        if (min.compareTo(ScenarioDefaults.MIN_ADAPTIVE_DURATION) < 0) {
            values.problem(m.entries().get("min").value(), "duration.min " + Units.formatDuration(min) + " is too short to "
                    + "judge precision; give at least " + Units.formatDuration(ScenarioDefaults.MIN_ADAPTIVE_DURATION));
            return null;
        }
        return new Window(max, min, precision, false);
    }

    /** {@code warmup: {until: stable, max: 90s}}; null after a reported problem. */
    Window stableWarmup(Node n) {
        MapNode m = values.mapping(n, "warmup", WARMUP_KEYS);
        if (m == null) return null;
        if (!m.entries().containsKey("until") || !m.entries().containsKey("max")) {
            values.problem(n, "warmup as a mapping needs until and max, e.g. {until: stable, max: 90s} "
                    + "(or give one duration: warmup: 5s)");
            return null;
        }
        String until = values.string(m.entries().get("until").value(), "warmup.until");
        if (until != null && !until.equals("stable")) {
            values.problem(m.entries().get("until").value(), "warmup.until '" + until + "' is not allowed; use stable");
            return null;
        }
        Duration max = values.duration(m.entries().get("max").value(), "warmup.max",
                ScenarioDefaults.MIN_STABLE_WARMUP, ScenarioDefaults.MAX_WARMUP_OR_COOLDOWN);
        return until == null || max == null ? null : new Window(max, null, null, true);
    }

    Integer repeat(Node n) {
        return values.integer(n, "repeat", 1, ScenarioDefaults.MAX_REPEAT);
    }

    Boolean freshCluster(Node n) {
        if (n instanceof YamlTree.Scalar s && !s.isNull() && (s.text().equals("true") || s.text().equals("false"))) {
            return Boolean.valueOf(s.text());
        }
        values.problem(n, "repeat_fresh_cluster must be true or false, not " + n.kind());
        return null;
    }

    private static Double percent(String text) {
        String t = text.trim();
        if (!t.endsWith("%")) throw new IllegalArgumentException("'" + text + "' must be a percentage such as 3%");
        return Double.parseDouble(t.substring(0, t.length() - 1).trim());
    }
}
