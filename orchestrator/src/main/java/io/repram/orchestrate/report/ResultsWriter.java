package io.repram.orchestrate.report;

import io.repram.orchestrate.results.AtomicFiles;
import io.repram.orchestrate.results.CellFile;
import io.repram.orchestrate.results.ContainerStatsCsv;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.results.ResultsJson;
import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.results.RunResults;
import io.repram.orchestrate.results.SummaryCsv;
import io.repram.orchestrate.results.SearchFiles;
import io.repram.orchestrate.results.SearchResult;
import io.repram.orchestrate.analysis.HockeyStickChart;
import io.repram.orchestrate.analysis.ChartsMarkdown;
import io.repram.orchestrate.analysis.HtmlReport;
import io.repram.orchestrate.analysis.RunCharts;
import io.repram.orchestrate.analysis.StatsCsvReader;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.Breach;
import io.repram.orchestrate.gate.ThresholdEvaluator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes a run's results directory as the run goes. After each cell, every file that depends on
 * it (the cell's JSON, summary.csv, report.xml, report.md) is rewritten atomically, so a crash
 * keeps every finished cell and never leaves a half-written file. Thread-safe.
 */
public final class ResultsWriter {

    private final ResultsDir dir;
    private RunInfo info;
    private final ThresholdEvaluator evaluator;
    private final String template;
    private final List<CellResult> results = new ArrayList<>();
    /** The rate searches so far (search mode only), one per cell, in run order. */
    private final List<SearchResult> searches = new ArrayList<>();
    private static final String CHARTS_AT_END = "\n## Charts\n\nThe charts and report.html are drawn when the run ends"
            + " (or by `repram-orchestrate report <dir>`).\n";

    private ResultsWriter(ResultsDir dir, RunInfo info, List<CellResult> finished, String template) {
        this.dir = dir;
        this.info = info;
        this.evaluator = ThresholdEvaluator.forScenario(info.scenario());
        this.template = template;
        this.results.addAll(finished);
    }

    /** A new run: writes run.json now. Uses the bundled report template. */
    public static ResultsWriter start(ResultsDir dir, RunInfo info) {
        return start(dir, info, MarkdownReport.defaultTemplate());
    }

    public static ResultsWriter start(ResultsDir dir, RunInfo info, String reportTemplate) {
        ResultsWriter writer = new ResultsWriter(dir, info, List.of(), reportTemplate);
        writer.writeJson(dir.runJson(), info);
        return writer;
    }

    /**
     * Continues an interrupted run (--resume): keeps its run.json and finished cells, so the
     * rewritten summary and reports cover old and new cells alike.
     */
    public static ResultsWriter resume(RunResults previous) {
        return resume(previous, MarkdownReport.defaultTemplate());
    }

    /** As {@link #resume(RunResults)}, rendering report.md with {@code reportTemplate} (the `report` command). */
    public static ResultsWriter resume(RunResults previous, String reportTemplate) {
        ResultsWriter writer = new ResultsWriter(previous.dir(), previous.runInfo(), previous.cells(), reportTemplate);
        writer.searches.addAll(previous.searches());
        return writer;
    }

    public ResultsDir dir() {
        return dir;
    }

    public synchronized RunInfo runInfo() {
        return info;
    }

    /**
     * Records a finished cell and rewrites the files that depend on it.
     *
     * @return the thresholds the cell breached, empty when it met all of them
     */
    public synchronized List<Breach> writeCell(CellResult result) {
        List<Breach> breaches = evaluator.evaluate(result);
        results.removeIf(r -> r.cell().id().equals(result.cell().id()));
        results.add(result);
        writeJson(dir.cellJson(result.cell()), CellFile.of(result, breaches));
        SummaryCsv.write(dir.summaryCsv(), results);
        // Charts take seconds to draw (JFreeChart's first use especially); between cells the tables are
        // enough, and the run draws the charts once at its end through writeReports().
        writeTextReports(CHARTS_AT_END);
        return breaches;
    }

    /**
     * Records a rate search (finished or not: it is rewritten after every probe) and rewrites
     * search.json, search.csv and the text reports.
     */
    public synchronized void writeSearch(SearchResult search) {
        int at = -1;
        for (int i = 0; i < searches.size(); i++) {
            if (searches.get(i).cellId().equals(search.cellId())) at = i;
        }
        if (at >= 0) searches.set(at, search);
        else searches.add(search);
        SearchFiles.write(dir.path(), searches);
        writeTextReports(CHARTS_AT_END);
    }

    public synchronized List<SearchResult> searches() {
        return List.copyOf(searches);
    }

    /** Appends one cell's node samples to container_stats.csv. */
    public synchronized void appendStats(String cellId, List<NodeStatsSample> samples) {
        if (!samples.isEmpty()) {
            ContainerStatsCsv.append(dir.containerStatsCsv(), cellId, samples);
        }
    }

    /** Writes cluster_N_metrics.txt: the caller's scrape of each node's /v1/metrics and /v1/status. */
    public synchronized void writeClusterMetrics(int clusterSize, String text) {
        AtomicFiles.write(dir.clusterMetrics(clusterSize), text);
    }

    /**
     * Adds what the engine learns only once clusters ran (swarm placement, the stats source) to
     * run.json and to the reports written from now on. Nothing to do when {@code details} is null.
     */
    public synchronized void recordEngineDetails(io.repram.orchestrate.engine.EngineDetails details) {
        if (details == null) return;
        RunInfo.recordEngineDetails(dir.runJson(), info, details);
        info = info.withEngineDetails(details);
    }

    /**
     * Re-renders report.xml, the charts, report.md and report.html from the cells recorded so far
     * and container_stats.csv (also for the `report` command).
     */
    public synchronized void writeReports() {
        RunCharts.Rendered charts;
        try {
            charts = RunCharts.render(dir.path(), results, StatsCsvReader.readDir(dir.path()), info.scenario().warmup());
        } catch (RuntimeException e) {
            // The figures matter more than their pictures: a chart failure must not cost the run its report.
            String failed = "\n## Charts\n\nThe charts could not be drawn: " + e.getMessage()
                    + ". Run `repram-orchestrate report " + dir.path() + "` to try again.\n";
            HtmlReport.write(dir.reportHtml(), htmlTitle(), writeTextReports(failed), dir.path());
            return;
        }
        charts = HockeyStickChart.withHockeyStick(charts, dir.path(), searches);
        writeTextReports(ChartsMarkdown.section(charts, dir.path(), true));
        // report.md's charts section points the reader at report.html; report.html is where the
        // charts already are, so its copy of the report has the charts without that pointer.
        HtmlReport.write(dir.reportHtml(), htmlTitle(),
                MarkdownReport.render(template, info, results, searches, ChartsMarkdown.section(charts, dir.path(), false)),
                dir.path());
    }

    private String htmlTitle() {
        return "REPRAM scale test: " + info.scenario().name();
    }

    private String writeTextReports(String chartsSection) {
        JUnitReport.write(dir.reportXml(), info.scenario(), info.startedAt(), results, evaluator);
        String markdown = MarkdownReport.render(template, info, results, searches, chartsSection);
        AtomicFiles.write(dir.reportMd(), markdown);
        return markdown;
    }

    /** Every cell recorded so far, including those of the run being resumed. */
    public synchronized List<CellResult> results() {
        return Collections.unmodifiableList(new ArrayList<>(results));
    }

    /**
     * True when any cell measured in full breached a threshold: the run should exit 99. A skipped
     * cell is not judged, as in report.xml.
     */
    public synchronized boolean anyBreach() {
        return results.stream().anyMatch(r -> r.measuredInFull() && !evaluator.evaluate(r).isEmpty());
    }

    private void writeJson(Path file, Object value) {
        AtomicFiles.write(file, ResultsJson.write(value) + "\n");
    }
}
