package io.repram.orchestrate.scenario;

import io.repram.orchestrate.scenario.YamlTree.ListNode;
import io.repram.orchestrate.scenario.YamlTree.MapNode;
import io.repram.orchestrate.scenario.YamlTree.Node;
import io.repram.orchestrate.scenario.YamlTree.Scalar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Reads typed values out of the located YAML tree. Every method reports a bad value to
 * {@link Problems} at the value's position and returns null, so validation carries on and the
 * user sees every problem at once.
 */
final class ValueReader {

    private final Problems problems;

    ValueReader(Problems problems) {
        this.problems = problems;
    }

    void problem(Node at, String message) {
        problems.add(at.position(), message);
    }

    /** A mapping whose keys must all be in {@code allowed}; null (after a problem) otherwise. */
    MapNode mapping(Node node, String what, Collection<String> allowed) {
        if (!(node instanceof MapNode map)) {
            problem(node, what + " must be a mapping of " + String.join(", ", allowed) + ", not " + node.kind());
            return null;
        }
        for (YamlTree.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                problems.add(e.keyPosition(), "unknown key '" + e.key() + "' in " + what
                        + Suggest.didYouMean(e.key(), allowed) + "; allowed keys: " + String.join(", ", allowed));
            }
        }
        return map;
    }

    String string(Node node, String what) {
        if (node instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
            return s.text().trim();
        }
        problem(node, what + " must be a non-empty text, not " + node.kind());
        return null;
    }

    Integer integer(Node node, String what, long min, long max) {
        if (node instanceof Scalar s && s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
            try {
                long value = Long.parseLong(s.text());
                if (value >= min && value <= max) {
                    return (int) value;
                }
            } catch (NumberFormatException tooBig) {
                // Reported below with the range.
            }
            problem(node, what + " " + s.text() + " is out of range; allowed " + range(min, max));
            return null;
        }
        problem(node, what + " must be a whole number in " + range(min, max) + ", not " + node.kind());
        return null;
    }

    Double decimal(Node node, String what, double minExclusive, double max) {
        if (node instanceof Scalar s && s.isNumber()) {
            double value = Double.parseDouble(s.text());
            if (value > minExclusive && value <= max) {
                return value;
            }
            problem(node, what + " " + s.text() + " is out of range; allowed > " + Threshold.formatNumber(minExclusive)
                    + " and <= " + Threshold.formatNumber(max));
            return null;
        }
        problem(node, what + " must be a number, not " + node.kind());
        return null;
    }

    /** A list of whole numbers, or one number meaning a list of one. Duplicates are rejected. */
    List<Integer> integers(Node node, String what, int min, int max) {
        List<Node> items = node instanceof ListNode list ? list.items() : List.of(node);
        if (items.isEmpty()) {
            problem(node, what + " must list at least one value in " + range(min, max));
            return null;
        }
        List<Integer> values = new ArrayList<>();
        boolean ok = true;
        for (Node item : items) {
            Integer v = integer(item, what + " value", min, max);
            if (v == null) {
                ok = false;
            } else if (values.contains(v)) {
                problem(item, what + " lists " + v + " twice; each value runs once, remove the repeat");
                ok = false;
            } else {
                values.add(v);
            }
        }
        return ok ? List.copyOf(values) : null;
    }

    Duration duration(Node node, String what, Duration min, Duration max) {
        Duration d = parsed(node, what, Units::parseDuration, "a duration: " + Units.DURATION_FORMS);
        if (d == null) {
            return null;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            problem(node, what + " " + Units.formatDuration(d) + " is out of range; allowed "
                    + Units.formatDuration(min) + ".." + Units.formatDuration(max));
            return null;
        }
        return d;
    }

    /** Parses a scalar (text or number) with {@code parser}, whose IllegalArgumentException is the message. */
    <T> T parsed(Node node, String what, Function<String, T> parser, String expected) {
        if (!(node instanceof Scalar s) || s.isNull()) {
            problem(node, what + " must be " + expected + ", not " + node.kind());
            return null;
        }
        try {
            return parser.apply(s.text());
        } catch (IllegalArgumentException | ArithmeticException e) {
            problem(node, what + ": " + (e.getMessage() == null ? "must be " + expected : e.getMessage()));
            return null;
        }
    }

    Boolean bool(Node node, String what) {
        if (node instanceof Scalar s && (s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE
                || s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_FALSE)) {
            return s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE;
        }
        problem(node, what + " must be true or false, not " + node.kind());
        return null;
    }

    /** One of {@code allowed}, spelled exactly. */
    String choice(Node node, String what, List<String> allowed) {
        String text = string(node, what);
        if (text != null && !allowed.contains(text)) {
            problem(node, what + " '" + text + "' is not allowed; use one of: " + String.join(", ", allowed)
                    + Suggest.didYouMean(text, allowed));
            return null;
        }
        return text;
    }

    static boolean isNull(Node node) {
        return node instanceof Scalar s && s.isNull();
    }

    static String range(long min, long max) {
        return min + ".." + max;
    }
}
