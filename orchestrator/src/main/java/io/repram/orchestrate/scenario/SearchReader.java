package io.repram.orchestrate.scenario;

import io.repram.orchestrate.scenario.YamlTree.MapNode;
import io.repram.orchestrate.scenario.YamlTree.Node;
import io.repram.orchestrate.scenario.YamlTree.Scalar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and validates the {@code search:} block of a scenario file (see {@link SearchSpec}). */
final class SearchReader {

    static final List<String> KEYS = List.of("slo", "start_rate", "max_rate", "step", "warmup", "resolution");
    private static final String EXAMPLE = "slo: {p99_ms: \"<= 20\", success_rate: \">= 99.9\"}";

    private final ValueReader values;

    SearchReader(ValueReader values) {
        this.values = values;
    }

    /** The block, or null after a reported problem (or for {@code search: null}). */
    SearchSpec read(Node n) {
        if (ValueReader.isNull(n)) {
            return null;
        }
        MapNode m = values.mapping(n, "search", KEYS);
        if (m == null) {
            return null;
        }
        if (!m.entries().containsKey("slo")) {
            values.problem(n, "search needs an slo: what a probe must meet to pass, e.g. " + EXAMPLE);
        }
        List<Threshold> slo = get(m, "slo", this::slo, null);
        Integer start = get(m, "start_rate", v -> values.integer(v, "search.start_rate (req/s)", 1,
                ScenarioDefaults.MAX_RATE_PER_SECOND), SearchSpec.DEFAULT_START_RATE);
        Integer max = get(m, "max_rate", v -> values.integer(v, "search.max_rate (req/s)", 1,
                ScenarioDefaults.MAX_RATE_PER_SECOND), SearchSpec.DEFAULT_MAX_RATE);
        Duration step = get(m, "step", v -> values.duration(v, "search.step", SearchSpec.MIN_STEP, SearchSpec.MAX_STEP),
                SearchSpec.DEFAULT_STEP);
        Duration warmup = get(m, "warmup", v -> values.duration(v, "search.warmup", Duration.ZERO,
                ScenarioDefaults.MAX_WARMUP_OR_COOLDOWN), SearchSpec.DEFAULT_WARMUP);
        Double resolution = get(m, "resolution", this::resolution, SearchSpec.DEFAULT_RESOLUTION_PERCENT);
        if (start != null && max != null && start >= max && m.entries().containsKey("start_rate")) {
            values.problem(m.entries().get("start_rate").value(), "search.start_rate " + start
                    + " must be below search.max_rate " + max + "; lower start_rate or raise max_rate");
        }
        if (slo == null || start == null || max == null || step == null || warmup == null || resolution == null
                || start >= max) {
            return null;
        }
        return new SearchSpec(slo, start, max, step, warmup, resolution);
    }

    /** What a search cannot be combined with: a fixed rate, and faults (a probe must measure the cluster whole). */
    static void checkCombination(ValueReader values, MapNode top, Workload workload, List<FaultSpec> faults) {
        if (workload.ratePerSecond() != null) {
            values.problem(top.entries().get("workload").value(), "workload.rate fixes one rate, but search picks "
                    + "the rate of each probe itself; remove workload.rate (or the search block)");
        }
        if (!faults.isEmpty()) {
            values.problem(top.entries().get("faults").value(), "faults cannot be combined with search: a probe "
                    + "must measure the whole cluster; remove the faults (or run them in a scenario without search)");
        }
    }

    private static <T> T get(MapNode m, String key, java.util.function.Function<Node, T> reader, T fallback) {
        if (!m.entries().containsKey(key)) {
            return fallback;
        }
        return reader.apply(m.entries().get(key).value());
    }

    private List<Threshold> slo(Node n) {
        List<String> allowed = SearchSpec.SLO_METRICS.stream().sorted().map(ThresholdMetric::key).toList();
        if (!(n instanceof MapNode m) || m.entries().isEmpty()) {
            values.problem(n, "search.slo must be a mapping of metric: \"expression\", e.g. " + EXAMPLE
                    + "; allowed metrics: " + String.join(", ", allowed));
            return null;
        }
        List<Threshold> out = new ArrayList<>();
        boolean ok = true;
        for (YamlTree.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                values.problem(e.value(), "search.slo cannot use '" + e.key() + "'"
                        + Suggest.didYouMean(e.key(), allowed) + "; allowed metrics: " + String.join(", ", allowed));
                ok = false;
                continue;
            }
            if (!(e.value() instanceof Scalar s) || s.isNull() || s.isNumber()) {
                values.problem(e.value(), "search.slo." + e.key() + " must be " + Threshold.EXPRESSION_FORMS
                        + ", not " + e.value().kind());
                ok = false;
                continue;
            }
            try {
                Threshold t = Threshold.parse(e.key(), s.text());
                if (!holdsForBetter(t)) {
                    values.problem(s, "search.slo." + e.key() + " \"" + s.text() + "\" points the wrong way: a "
                            + "probe passes when it is " + (t.metric() == ThresholdMetric.SUCCESS_RATE
                            ? "at least the bound; write \">= " : "at most the bound; write \"<= ")
                            + Threshold.formatNumber(t.bound()) + "\"");
                    ok = false;
                    continue;
                }
                out.add(t);
            } catch (IllegalArgumentException bad) {
                values.problem(s, "search.slo: " + bad.getMessage());
                ok = false;
            }
        }
        return ok ? out : null;
    }

    /** A latency SLO caps it from above, a success-rate SLO bounds it from below. */
    private static boolean holdsForBetter(Threshold t) {
        boolean upper = t.operator() == Threshold.Operator.LE || t.operator() == Threshold.Operator.LT;
        return t.metric() == ThresholdMetric.SUCCESS_RATE ? !upper : upper;
    }

    /** {@code 5%}, {@code "5%"} or {@code 5}: percent of the passing rate. */
    private Double resolution(Node n) {
        String forms = "a percentage such as 5% (or the number 5), from " + Threshold.formatNumber(
                SearchSpec.MIN_RESOLUTION_PERCENT) + " to " + Threshold.formatNumber(SearchSpec.MAX_RESOLUTION_PERCENT);
        Double p = values.parsed(n, "search.resolution", text -> {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.endsWith("%")) t = t.substring(0, t.length() - 1).trim();
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not " + forms);
            }
        }, forms);
        if (p != null && (p < SearchSpec.MIN_RESOLUTION_PERCENT || p > SearchSpec.MAX_RESOLUTION_PERCENT)) {
            values.problem(n, "search.resolution " + Threshold.formatNumber(p) + "% is out of range; give " + forms);
            return null;
        }
        return p;
    }
}
