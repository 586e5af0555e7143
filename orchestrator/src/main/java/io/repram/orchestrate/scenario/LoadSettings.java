package io.repram.orchestrate.scenario;

/**
 * The scenario's {@code load:} block: where the load comes from.
 *
 * @param agents 0 = the in-process load generator; N = N distributed load agents
 *               ({@code repram-orchestrate agent}), started once per cluster size: local child
 *               processes, or a replicated service on engines that run their own
 */
public record LoadSettings(int agents) {

    public static final LoadSettings IN_PROCESS = new LoadSettings(0);

    public boolean distributed() {
        return agents > 0;
    }
}
