package io.repram.orchestrate.engine;

/** Faults an engine can apply to one node. */
public enum FaultAction {
    KILL, STOP, START, RESTART, PAUSE, UNPAUSE, DISCONNECT, RECONNECT
}
