package io.repram.orchestrate.results;

import io.repram.orchestrate.scenario.Threshold;

/**
 * A threshold a cell did not meet.
 *
 * @param expression the bound it missed, e.g. {@code "<= 50"}
 */
public record Breach(String metric, double measured, String expression) {

    /** {@code "p99_ms = 73.2, required <= 50"}. */
    public String describe() {
        return metric + " = " + Threshold.formatNumber(measured) + ", required " + expression;
    }
}
