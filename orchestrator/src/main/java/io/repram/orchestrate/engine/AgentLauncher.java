package io.repram.orchestrate.engine;

import java.time.Duration;
import java.util.List;

/**
 * Starts distributed load agents ({@code repram-orchestrate agent}) next to a cluster and says how
 * to reach them. Local launchers run them as child JVMs; the swarm engine runs them as a replicated
 * service. Closing removes every agent this launcher started; it never throws.
 */
public interface AgentLauncher extends AutoCloseable {

    /** Short name recorded in results, e.g. "process" or "swarm". */
    String name();

    /** Starts {@code count} agents for {@code cluster}; returns once each answers its health check. */
    List<AgentEndpoint> start(Cluster cluster, int count, Duration timeout) throws EngineException;

    @Override
    void close();
}
