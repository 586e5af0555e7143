package io.repram.orchestrate.load;

import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.LoadFigures;
import java.util.function.Consumer;

/**
 * The load of one cell as the runner drives it: the in-process {@link LoadGenerator}, or
 * {@link io.repram.orchestrate.load.agent.DistributedLoad} over remote agents. Both run once.
 */
public interface CellLoad extends AutoCloseable {

    /**
     * Runs warm-up and measured window, or until {@link #stop()}; blocks until then.
     *
     * @param onInterval called on this thread about once a second; {@code warmup} marks intervals the result leaves out
     * @return the measured window (warm-up excluded)
     */
    default LoadFigures run(Consumer<IntervalFigures> onInterval) {
        return runDetailed(detail -> onInterval.accept(detail.figures()));
    }

    /**
     * As {@link #run}, with each interval's PUT and GET histograms and op counts (for the per-interval
     * results). The detail's histograms are only valid during the callback.
     */
    LoadFigures runDetailed(Consumer<IntervalDetail> onInterval);

    /** Ends a running {@link #run} early; it returns the figures so far. Any thread. */
    void stop();

    /**
     * The PUTs answered 201, for the write audit; call after {@link #run} returned.
     *
     * @throws IllegalStateException when they cannot be known (still running, an agent unreachable)
     */
    AcknowledgedWrites acknowledgedWrites();

    @Override
    void close();
}
