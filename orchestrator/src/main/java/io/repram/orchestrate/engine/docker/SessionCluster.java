package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.RunningCluster;

/**
 * What the docker and swarm handles share: a cluster that belongs to one {@link DockerSession} and
 * is removed with everything the session labelled for it. Subclasses add stats, faults and logs,
 * which differ (containers on one Engine against services spread over a swarm).
 */
public abstract class SessionCluster implements RunningCluster {
    protected final DockerSession session;
    private final Cluster cluster;

    protected SessionCluster(DockerSession session, Cluster cluster) {
        this.session = session;
        this.cluster = cluster;
    }

    @Override
    public final Cluster cluster() {
        return cluster;
    }

    /** Removes the run's labelled objects through the session, which logs and never throws. */
    @Override
    public final void close() {
        beforeRemoval();
        session.removeRun(cluster.id());
    }

    /** What must happen while the containers still exist (e.g. copying their logs); never throws. */
    protected void beforeRemoval() {
    }
}
