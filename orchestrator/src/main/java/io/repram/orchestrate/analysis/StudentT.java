package io.repram.orchestrate.analysis;

/** The 97.5% quantile of Student's t, for two-sided 95% intervals from few samples. */
final class StudentT {
    /** Degrees of freedom 1 to 30; beyond, the normal's 1.96 is within 2%. */
    private static final double[] Q975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
            2.056, 2.052, 2.048, 2.045, 2.042};

    private StudentT() {
    }

    static double quantile975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, not " + degreesOfFreedom);
        }
        return degreesOfFreedom <= Q975.length ? Q975[degreesOfFreedom - 1] : 1.96 + 2.4 / degreesOfFreedom;
    }
}
