package io.repram.orchestrate.load;

/**
 * The in-process generator's I/O threads' own CPU over the measured window.
 *
 * @param threads     I/O threads; each can use at most one core
 * @param cpuNanos    CPU time those threads used in the window, summed
 * @param windowNanos the window's wall-clock length
 */
public record GeneratorCpu(int threads, long cpuNanos, long windowNanos) {

    /** The threads' CPU as a share of the cores they can use, 0..100 (more only through clock skew). */
    public double percentOfShare() {
        return threads <= 0 || windowNanos <= 0 ? 0 : 100.0 * cpuNanos / ((double) windowNanos * threads);
    }
}
