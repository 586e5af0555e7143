package io.repram.orchestrate.analysis;

/**
 * One proposed alert of one cluster size, or the reason none is proposed.
 *
 * @param condition   what fires it, e.g. "node CPU above"
 * @param threshold   the value, or null when there were too few samples to propose one
 * @param unit        how the value reads ("%", "MiB", "ms", "req/s")
 * @param samples     how many samples the threshold was derived from
 * @param derivedFrom how, in words, with the statistic it was derived from
 */
public record Alert(String condition, Double threshold, String unit, int samples, String derivedFrom) {

    public boolean proposed() {
        return threshold != null;
    }

    /** No alert from {@code samples} samples: fewer than {@link AlertThresholds#MIN_SAMPLES}. */
    static Alert tooFew(String condition, String unit, int samples, String ofWhat) {
        return new Alert(condition, null, unit, samples, "too few samples to propose one: " + samples + " " + ofWhat
                + ", at least " + AlertThresholds.MIN_SAMPLES + " needed");
    }
}
