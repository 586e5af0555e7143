package io.repram.orchestrate.cli;

import io.repram.orchestrate.analysis.Baseline;
import io.repram.orchestrate.analysis.BaselineReport;
import io.repram.orchestrate.analysis.CapacityPlan;
import io.repram.orchestrate.analysis.StatsCsvReader;
import io.repram.orchestrate.analysis.StatsSample;
import io.repram.orchestrate.results.ResultsException;
import io.repram.orchestrate.results.ResultsReader;
import io.repram.orchestrate.results.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "baseline",
        description = {"Writes performance-baseline.md from a run: top configurations, alert thresholds, capacity.",
                "It lists the top 5 configurations; alert thresholds per cluster size from the distributions"
                        + " observed (node CPU and memory at the p99 of the busy-window samples, p99 latency at 2x the"
                        + " sustained per-second p99, throughput below 80%% of the sustained per-second median; none"
                        + " from fewer than 30 samples); and, with --target-rps, the nodes needed."},
        footer = {"", "Examples:",
                "  repram-orchestrate baseline test-results/scale_test_20250101_120000 \\",
                "      --target-rps 20000",
                "  repram-orchestrate baseline test-results/scale_test_20250101_120000 \\",
                "      monitoring-results/monitoring_20250101_120500 --target-rps 5000",
                "", "Exit codes: 0 ok, 1 error, 2 bad input."},
        mixinStandardHelpOptions = true)
public final class BaselineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A results directory written by `run`.")
    Path resultsDir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MONITORING_DIR",
            description = "A directory written by `monitor`; its container_stats.csv gives the CPU and memory peaks.")
    Path monitoringDir;

    @Option(names = "--target-rps", paramLabel = "N", description = "The load to plan for, in requests per second.")
    Double targetRps;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write (default: RESULTS_DIR/" + BaselineReport.FILE_NAME + ").")
    Path out;

    @Spec
    CommandSpec spec;

    /** Nodes shared one machine unless the engine recorded placements on more than one (swarm). */
    static boolean oneHost(RunResults run) {
        var details = run.runInfo().engineDetails();
        return details == null || details.placement().stream().map(p -> p.hostId() == null ? p.hostname() : p.hostId())
                .distinct().count() <= 1;
    }

    @Override
    public Integer call() {
        if (targetRps != null && !(targetRps > 0)) {
            throw new IllegalArgumentException("--target-rps must be above 0, not " + targetRps);
        }
        RunResults run = ResultsReader.read(resultsDir);
        List<StatsSample> monitoring = null;
        if (monitoringDir != null) {
            Path stats = monitoringDir.resolve(StatsCsvReader.FILE_NAME);
            if (!Files.isRegularFile(stats)) {
                throw new IllegalArgumentException(monitoringDir + " has no " + StatsCsvReader.FILE_NAME
                        + "; give the directory written by `repram-orchestrate monitor`, or leave it out");
            }
            monitoring = StatsCsvReader.read(stats);
        }
        if (run.cells().isEmpty()) {
            throw new IllegalArgumentException(resultsDir + " has no finished cell; finish the run "
                    + "(run --resume) before taking a baseline from it");
        }
        Baseline baseline = Baseline.of(run, monitoring, monitoringDir == null ? null
                : monitoringDir.resolve(StatsCsvReader.FILE_NAME).toString());
        CapacityPlan.Estimate capacity = targetRps == null ? null
                : CapacityPlan.forTarget(CapacityPlan.curve(run.cells(), run.searches(), Baseline.MIN_SUCCESS_PERCENT), targetRps,
                oneHost(run));
        Path file;
        try {
            file = BaselineReport.write(out != null ? out : run.dir().path().resolve(BaselineReport.FILE_NAME),
                    baseline, capacity, LocalDate.now());
        } catch (ResultsException e) {
            throw CommandFailure.error(e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Wrote " + file);
        if (capacity != null) {
            stdout.println(capacity.nodesNeeded() == null
                    ? "More nodes will not reach " + targetRps + " req/s; see the file for why."
                    : "Nodes needed for " + targetRps + " req/s: " + capacity.nodesNeeded()
                    + " (assumptions in the file).");
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
