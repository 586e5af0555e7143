package io.repram.orchestrate.scenario;

/**
 * The scenario's {@code load:} block: where the load comes from.
 *
 * @param agents  0 = the in-process load generator; N = N distributed load agents
 *                ({@code repram-orchestrate agent}), started once per cluster size: local child
 *                processes, or a replicated service on engines that run their own
 * @param isolate give the load generator (this process and its local agents) CPUs of its own and
 *                spread the nodes over the others; see run.CpuPlan
 */
public record LoadSettings(int agents, boolean isolate) {

    public static final LoadSettings IN_PROCESS = new LoadSettings(0);

    public LoadSettings(int agents) {
        this(agents, false);
    }

    public boolean distributed() {
        return agents > 0;
    }
}
