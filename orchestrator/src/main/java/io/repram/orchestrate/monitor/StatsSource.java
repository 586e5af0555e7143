package io.repram.orchestrate.monitor;

import io.repram.orchestrate.engine.NodeStatsSample;

/** Resource figures of the watched nodes, when something measures them (Docker does; --url nodes have none). */
public interface StatsSource extends AutoCloseable {

    /**
     * The latest sample of one node with its network rates.
     *
     * @param rxBytesPerSec received bytes per second since the sample before, NaN after the first sample
     */
    record Latest(NodeStatsSample sample, double rxBytesPerSec, double txBytesPerSec) {
    }

    /** Null when the node has no recent sample. */
    Latest latest(int nodeIndex);

    @Override
    void close();

    /** For nodes outside Docker: CPU and memory are shown as "-". */
    StatsSource NONE = new StatsSource() {
        @Override
        public Latest latest(int nodeIndex) {
            return null;
        }

        @Override
        public void close() {
        }
    };
}
