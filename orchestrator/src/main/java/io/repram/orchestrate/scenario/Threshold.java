package io.repram.orchestrate.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One CI gate, e.g. {@code p99_ms <= 50}: a cell passes when {@code measured operator bound}. */
public record Threshold(ThresholdMetric metric, Operator operator, double bound) {

    private static final Pattern EXPRESSION = Pattern.compile("\\s*(>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");
    public static final String EXPRESSION_FORMS = "an operator and a number in quotes: \">= 99.9\", \"<= 50\", \"> 0\", \"< 5\"";

    public enum Operator {
        GE(">="), LE("<="), GT(">"), LT("<");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean holds(double measured, double bound) {
            return switch (this) {
                case GE -> measured >= bound;
                case LE -> measured <= bound;
                case GT -> measured > bound;
                case LT -> measured < bound;
            };
        }

        static Operator of(String symbol) {
            for (Operator op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /**
     * @throws IllegalArgumentException for an unknown metric, a malformed expression or a bound
     *                                  out of the metric's range; the message says what is allowed
     */
    public static Threshold parse(String metricKey, String expression) {
        ThresholdMetric metric = ThresholdMetric.byKey(metricKey).orElseThrow(() -> new IllegalArgumentException(
                "unknown threshold '" + metricKey + "'" + Suggest.didYouMean(metricKey, ThresholdMetric.keys())
                        + "; allowed: " + String.join(", ", ThresholdMetric.keys())));
        Matcher m = EXPRESSION.matcher(expression == null ? "" : expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("threshold " + metricKey + ": '" + expression
                    + "' is not an expression; write " + EXPRESSION_FORMS);
        }
        double bound = Double.parseDouble(m.group(2));
        if (bound < 0 || (metric == ThresholdMetric.SUCCESS_RATE && bound > 100)) {
            String range = metric == ThresholdMetric.SUCCESS_RATE ? "0..100 (percent)" : ">= 0";
            throw new IllegalArgumentException("threshold " + metricKey + ": bound " + m.group(2)
                    + " is out of range; allowed " + range);
        }
        return new Threshold(metric, Operator.of(m.group(1)), bound);
    }

    public boolean passes(double measured) {
        return operator.holds(measured, bound);
    }

    /** {@code ">= 99.9"}. */
    public String expression() {
        return operator.symbol + " " + formatNumber(bound);
    }

    @Override
    public String toString() {
        return metric.key() + " " + expression();
    }

    /** A bound or measurement without needless decimals: "50", "99.9", "73.2". */
    public static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
    }
}
