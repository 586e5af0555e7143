package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.FaultAction;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/** Turns a scenario fault's {@code node} and {@code action} into engine terms for one cluster. */
public final class FaultTargets {

    public static final String RANDOM = "random";
    public static final String ALL_BUT_ONE = "all-but-one";

    private FaultTargets() {
    }

    /**
     * The node indices a fault applies to. {@code all-but-one} spares node 0: it is the node the
     * load reaches when the workload targets only the first node, and the one the audit can rely on.
     *
     * @throws IllegalArgumentException for an index outside the cluster or an unknown target
     */
    public static List<Integer> resolve(String node, int clusterSize, RandomGenerator random) {
        if (RANDOM.equals(node)) {
            return List.of(random.nextInt(clusterSize));
        }
        if (ALL_BUT_ONE.equals(node)) {
            return IntStream.range(1, clusterSize).boxed().toList();
        }
        int index;
        try {
            index = Integer.parseInt(node.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault node '" + node + "' is not an index, random or all-but-one");
        }
        if (index < 0 || index >= clusterSize) {
            throw new IllegalArgumentException("fault node " + index + " is outside this " + clusterSize
                    + "-node cluster (nodes 0.." + (clusterSize - 1) + ")");
        }
        return List.of(index);
    }

    /** The engine action of a scenario's action name ("kill" -> KILL). */
    public static FaultAction action(String name) {
        try {
            return FaultAction.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault action '" + name + "' is unknown; allowed: "
                    + String.join(", ", java.util.Arrays.stream(FaultAction.values())
                    .map(a -> a.name().toLowerCase(Locale.ROOT)).toList()), e);
        }
    }

    /** The scenario spelling of an engine action (KILL -> "kill"). */
    public static String name(FaultAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }
}
