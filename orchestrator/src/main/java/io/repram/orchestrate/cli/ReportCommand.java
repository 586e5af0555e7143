package io.repram.orchestrate.cli;

import io.repram.orchestrate.report.MarkdownReport;
import io.repram.orchestrate.results.ResultsException;
import io.repram.orchestrate.results.ResultsReader;
import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report",
        description = {"Re-renders a run's reports from its saved data only, without Docker.",
                "It rewrites report.md, report.html, report.xml and the charts under charts/."},
        footer = {"", "Examples:",
                "  repram-orchestrate report test-results/scale_test_20250101_120000",
                "  repram-orchestrate report test-results/scale_test_20250101_120000 \\",
                "      --template my-report.md",
                "", "Exit codes: 0 ok, 1 error, 2 bad input (not a results directory, an unreadable",
                "  template)."},
        mixinStandardHelpOptions = true)
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A results directory written by `run`.")
    Path resultsDir;

    @Option(names = "--template", paramLabel = "FILE",
            description = "A report.md template with {{placeholders}} (default: the bundled results-templates/report.md).")
    Path template;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunResults run = ResultsReader.read(resultsDir);
        String text = template == null ? MarkdownReport.defaultTemplate() : readTemplate();
        // A typo in a custom template is the user's to fix: find it before any file is rewritten.
        MarkdownReport.render(text, run.runInfo(), run.cells());
        try {
            ResultsWriter.resume(run, text).writeReports();
        } catch (ResultsException e) {
            throw CommandFailure.error(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Re-rendered " + run.dir().reportMd() + " and " + run.dir().reportHtml() + " from "
                + run.cells().size() + " cells.");
        out.flush();
        return ExitCodes.OK;
    }

    private String readTemplate() {
        try {
            return Files.readString(template);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the template " + template + ": " + e.getMessage(), e);
        }
    }
}
