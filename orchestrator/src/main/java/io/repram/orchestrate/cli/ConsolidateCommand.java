package io.repram.orchestrate.cli;

import io.repram.orchestrate.analysis.Consolidation;
import io.repram.orchestrate.results.ResultsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "consolidate",
        description = {"Collects the summary.csv of every run under a directory into consolidated.csv.",
                "Then it prints the highest-throughput configurations among those with at least 99%% success."},
        footer = {"", "Example:",
                "  repram-orchestrate consolidate test-results/",
                "", "Exit codes: 0 ok, 1 error, 2 bad input (not a directory, no runs in it)."},
        mixinStandardHelpOptions = true)
public final class ConsolidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TEST_RESULTS_DIR", description = "The directory holding the run directories.")
    Path testResults;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "How many configurations to print (default: ${DEFAULT-VALUE}).")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, not " + top);
        }
        List<Consolidation.Row> rows = Consolidation.read(testResults);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no run with a summary.csv under " + testResults
                    + "; give the directory that holds the scale_test_* directories");
        }
        Path file;
        try {
            file = Consolidation.write(testResults, rows);
        } catch (ResultsException e) {
            throw CommandFailure.error(e);
        }
        long runs = rows.stream().map(Consolidation.Row::runDir).distinct().count();
        out.println("Wrote " + file + ": " + rows.size() + " cells from " + runs + " runs.");
        List<Consolidation.Row> best = Consolidation.top(rows, top);
        long skipped = rows.stream().filter(r -> !r.measuredInFull()).count();
        String leftOut = skipped == 0 ? "" : "; " + skipped + " skipped cell(s) left out, their figures cover part of a window";
        if (best.isEmpty()) {
            out.println("No cell measured in full reached " + Consolidation.MIN_SUCCESS_PERCENT + "% success, so none is ranked"
                    + leftOut + ".");
        } else {
            out.println("Top configurations by throughput (success >= " + Consolidation.MIN_SUCCESS_PERCENT + "%"
                    + leftOut + "):");
            for (int i = 0; i < best.size(); i++) {
                Consolidation.Row r = best.get(i);
                out.println(String.format(Locale.ROOT, "%3d. %,12.1f req/s  %8.3f%%  %-32s %s", i + 1,
                        r.requestsPerSec(), r.successRate(), r.configuration(), r.runDir()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
