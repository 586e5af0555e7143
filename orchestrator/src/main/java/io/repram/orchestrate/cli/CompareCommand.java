package io.repram.orchestrate.cli;

import io.repram.orchestrate.analysis.CellKey;
import io.repram.orchestrate.analysis.Comparison;
import io.repram.orchestrate.analysis.ComparisonReport;
import io.repram.orchestrate.analysis.MinEffect;
import io.repram.orchestrate.analysis.RunComparator;
import io.repram.orchestrate.results.ResultsException;
import io.repram.orchestrate.results.ResultsReader;
import io.repram.orchestrate.results.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "compare",
        description = {"Compares two runs cell by cell: req/s, p99 latency and success rate.",
                "Cells are paired when their parameters match (cluster size, concurrency, payload, PUT share, rate,"
                        + " targets, duration). A change of req/s or p99 counts only when its 95%% confidence"
                        + " interval over the cells' per-second figures excludes zero and it is at least --min-effect"
                        + " (for p99 also at least --min-effect-ms);"
                        + " cells without enough seconds fall back to the --noise band. Prints a table and writes"
                        + " comparison.md with charts."},
        footer = {"", "Example:",
                "  repram-orchestrate compare test-results/scale_test_20250101_120000 \\",
                "      test-results/scale_test_20250108_120000 \\",
                "      --min-effect 5%% --fail-on-regression",
                "", "Exit codes: 0 ok, 1 error, 2 bad input or no matching cells, 99 regression (with",
                "  --fail-on-regression)."},
        mixinStandardHelpOptions = true)
public final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The earlier (reference) results directory.")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The later results directory, judged against A.")
    Path runB;

    @Option(names = "--noise", paramLabel = "PERCENT", defaultValue = "5%",
            description = "Changes within this relative size are noise, not regressions (default: 5%%).")
    String noise;

    @Option(names = "--min-effect", paramLabel = "PERCENT", defaultValue = "5%",
            description = "The smallest change of req/s or p99 called a regression or improvement, even when "
                    + "its confidence interval excludes zero (default: 5%%).")
    String minEffect;

    @Option(names = "--min-effect-ms", paramLabel = "MILLIS", defaultValue = "1",
            description = "The smallest absolute change of p99 called a regression or improvement, in ms "
                    + "(default: 1). An idle cell's p99 is a fraction of a millisecond, which noise alone moves by "
                    + "tens of percent; 0 judges p99 by --min-effect alone.")
    String minEffectMs;

    @Option(names = "--fail-on-regression", description = "Exit 99 when any compared cell regressed: a significant "
            + "change of req/s or p99, or a success-rate drop beyond --noise (for CI).")
    boolean failOnRegression;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where comparison.md and its charts go (default: RUN_B's directory).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Double noisePercent = parseNoise(noise);
        if (noisePercent == null) {
            throw new IllegalArgumentException("--noise " + noise + " is not a percentage from 0 to 100; "
                    + "write it like 5% or 2.5");
        }
        Double minEffectPercent = parseNoise(minEffect);
        if (minEffectPercent == null) {
            throw new IllegalArgumentException("--min-effect " + minEffect + " is not a percentage from 0 to 100; "
                    + "write it like 5% or 2.5");
        }
        double minEffectMillis = parseMillis(minEffectMs);
        RunResults a = ResultsReader.read(runA);
        RunResults b = ResultsReader.read(runB);
        Comparison c = RunComparator.compare(a, b, noisePercent, new MinEffect(minEffectPercent, minEffectMillis));
        long untested = c.matched().stream().filter(m -> !m.tested()).count();
        if (untested > 0) {
            err.println("warning: " + untested + " of " + c.matched().size() + " cells have fewer than "
                    + io.repram.orchestrate.analysis.Significance.MIN_INTERVALS + " measured seconds on a side; they are"
                    + " judged by the --noise band alone, which noise alone can exceed (run longer cells)");
        }
        c.environment().forEach(w -> err.println("warning: " + w + "; part of any change may come from that"));
        if (c.matched().isEmpty()) {
            StringWriter unmatched = new StringWriter();
            PrintWriter lists = new PrintWriter(unmatched);
            listUnmatched(lists, "Only in A", c.onlyInA());
            listUnmatched(lists, "Only in B", c.onlyInB());
            lists.flush();
            throw new IllegalArgumentException("no cell of " + runA + " has the same parameters as a cell of "
                    + runB + ", so nothing can be compared. Re-run one of them with the other's scenario."
                    + System.lineSeparator() + unmatched.toString().stripTrailing());
        }
        stdout.print(ComparisonReport.table(c));
        listUnmatched(stdout, "Not compared, only in A", c.onlyInA());
        listUnmatched(stdout, "Not compared, only in B", c.onlyInB());
        try {
            Path file = ComparisonReport.write(c, out == null ? runB : out);
            stdout.println("Wrote " + file);
        } catch (ResultsException e) {
            throw CommandFailure.error(e);
        }
        int regressions = c.regressions().size();
        String how = "judged by significance (95% interval, --min-effect " + minEffect + ", --min-effect-ms "
                + minEffectMs.trim() + "): "
                + (c.matched().size() - untested) + ", by the --noise " + noise + " band: " + untested;
        stdout.println((regressions == 0 ? "No regression in " + c.matched().size() + " compared cells"
                : regressions + " of " + c.matched().size() + " cells regressed") + " (" + how + ").");
        stdout.flush();
        return regressions > 0 && failOnRegression ? ExitCodes.THRESHOLD_BREACHED : ExitCodes.OK;
    }

    private static void listUnmatched(PrintWriter out, String title, List<CellKey> keys) {
        if (!keys.isEmpty()) {
            out.println(title + ":");
            keys.forEach(k -> out.println("  " + k));
        }
    }

    /** "1", "0.5" and "2ms" are that many milliseconds. */
    static double parseMillis(String text) {
        Double value = number(text, "ms", Double.POSITIVE_INFINITY);
        if (value == null) {
            throw new IllegalArgumentException("--min-effect-ms " + text + " is not a number of milliseconds (0 or "
                    + "more); write it like 1 or 0.5");
        }
        return value;
    }

    /** "5%", "5" and "2.5 %" all mean that many percent; null when it is not a percentage. */
    static Double parseNoise(String text) {
        return number(text, "%", 100);
    }

    /** The number in {@code text}, with or without {@code unit} after it, from 0 to below {@code below}; else null. */
    private static Double number(String text, String unit, double below) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith(unit)) {
            t = t.substring(0, t.length() - unit.length()).trim();
        }
        try {
            double value = Double.parseDouble(t);
            return value >= 0 && value < below ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
