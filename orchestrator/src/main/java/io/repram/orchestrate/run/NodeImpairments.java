package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.FaultAction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the faults of a cell have done to each node so far: down (killed or stopped), paused,
 * disconnected, or touched at all. Written by the fault thread, read by the probe and the runner.
 */
public final class NodeImpairments {

    /** One action that undoes an impairment. */
    public record Restoration(int nodeIndex, FaultAction action) {
    }

    private final Set<Integer> down = new HashSet<>();
    private final Set<Integer> paused = new HashSet<>();
    private final Set<Integer> disconnected = new HashSet<>();
    private final Set<Integer> touched = new HashSet<>();

    /** Records a fault the engine applied. */
    public synchronized void applied(int node, FaultAction action) {
        touched.add(node);
        switch (action) {
            case KILL, STOP -> down.add(node);
            case START, RESTART -> {
                down.remove(node);
                // A fresh process or container is neither frozen nor (docker) cut off any more.
                paused.remove(node);
            }
            case PAUSE -> paused.add(node);
            case UNPAUSE -> paused.remove(node);
            case DISCONNECT -> disconnected.add(node);
            case RECONNECT -> disconnected.remove(node);
        }
    }

    /** Records that a fault was attempted on a node, even if the engine refused it: its state is unknown. */
    public synchronized void attempted(int node) {
        touched.add(node);
    }

    /** True when the node cannot answer at all: killed or stopped. */
    public synchronized boolean isDown(int node) {
        return down.contains(node);
    }

    /** True when the node is down, paused or disconnected right now. */
    public synchronized boolean isImpaired(int node) {
        return down.contains(node) || paused.contains(node) || disconnected.contains(node);
    }

    /** True when any fault was applied or attempted on the node during the cell. */
    public synchronized boolean wasTouched(int node) {
        return touched.contains(node);
    }

    public synchronized boolean anyTouched() {
        return !touched.isEmpty();
    }

    /**
     * What brings every node back, in a safe order per node: unpause first (a frozen node cannot be
     * reconnected or stopped cleanly), then reconnect, then start.
     */
    public synchronized List<Restoration> restorations() {
        List<Restoration> out = new ArrayList<>();
        paused.stream().sorted().forEach(n -> out.add(new Restoration(n, FaultAction.UNPAUSE)));
        disconnected.stream().sorted().forEach(n -> out.add(new Restoration(n, FaultAction.RECONNECT)));
        down.stream().sorted().forEach(n -> out.add(new Restoration(n, FaultAction.START)));
        return out;
    }
}
