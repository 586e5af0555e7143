package io.repram.orchestrate.scenario;

import io.repram.orchestrate.scenario.YamlTree.ListNode;
import io.repram.orchestrate.scenario.YamlTree.MapNode;
import io.repram.orchestrate.scenario.YamlTree.Node;
import io.repram.orchestrate.scenario.YamlTree.Scalar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads and validates the {@code faults:} list of a scenario file. */
final class FaultReader {

    static final List<String> KEYS = List.of("at", "action", "node");
    /** The actions, in the spelling of scenario files; engine.FaultAction has the same names. */
    public static final List<String> ACTIONS = List.of("kill", "stop", "start", "restart", "pause", "unpause",
            "disconnect", "reconnect");
    static final String RANDOM = "random";
    static final String ALL_BUT_ONE = "all-but-one";

    private final ValueReader values;

    FaultReader(ValueReader values) {
        this.values = values;
    }

    List<FaultSpec> read(Node n, Duration duration, List<Integer> clusterSizes) {
        if (ValueReader.isNull(n)) {
            return List.of();
        }
        if (!(n instanceof ListNode list)) {
            values.problem(n, "faults must be a list of {at, action, node}, e.g. "
                    + "- {at: 20s, action: kill, node: 1}; not " + n.kind());
            return null;
        }
        int smallestSize = Collections.min(clusterSizes);
        List<FaultSpec> faults = new ArrayList<>();
        for (Node item : list.items()) {
            MapNode m = values.mapping(item, "a fault", KEYS);
            if (m == null) {
                continue;
            }
            for (String key : KEYS) {
                if (!m.entries().containsKey(key)) {
                    values.problem(item, "a fault needs '" + key + "'; e.g. {at: 20s, action: kill, node: 1}");
                }
            }
            Duration at = field(m, "at", v -> at(v, duration));
            String action = field(m, "action", this::action);
            String node = field(m, "node", v -> node(v, smallestSize));
            if (at != null && action != null && node != null) {
                faults.add(new FaultSpec(at, action, node));
            }
        }
        return faults;
    }

    private static <T> T field(MapNode m, String key, java.util.function.Function<Node, T> reader) {
        YamlTree.Entry e = m.entries().get(key);
        return e == null ? null : reader.apply(e.value());
    }

    private Duration at(Node v, Duration duration) {
        Duration at = values.duration(v, "fault at", Duration.ZERO, ScenarioDefaults.MAX_DURATION);
        if (at != null && at.compareTo(duration) >= 0) {
            values.problem(v, "fault at " + Units.formatDuration(at) + " would never fire: the measured window is "
                    + Units.formatDuration(duration) + " long; use a time below that, or a longer duration");
            return null;
        }
        return at;
    }

    private String action(Node v) {
        String action = values.string(v, "fault action");
        if (action != null && !ACTIONS.contains(action)) {
            values.problem(v, "fault action '" + action + "' is not allowed" + Suggest.didYouMean(action, ACTIONS)
                    + "; allowed: " + String.join(", ", ACTIONS));
            return null;
        }
        return action;
    }

    private String node(Node v, int smallestSize) {
        if (v instanceof Scalar s && s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
            return values.integer(v, "fault node index (smallest cluster size is " + smallestSize + ")",
                    0, smallestSize - 1) == null ? null : s.text();
        }
        String text = values.string(v, "fault node");
        if (text != null && !text.equals(RANDOM) && !text.equals(ALL_BUT_ONE)) {
            values.problem(v, "fault node '" + text + "' is not allowed; use a node index 0.."
                    + (smallestSize - 1) + ", random or all-but-one");
            return null;
        }
        return text;
    }
}
