package io.repram.orchestrate.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The Markdown of a list of charts: each one embedded as its PNG, with a link to the SVG. */
public final class ChartsMarkdown {

    private ChartsMarkdown() {
    }

    /**
     * A "## Charts" section for report.md with links relative to {@code base} (the directory the
     * Markdown file is in); empty when there are no charts, so the section disappears.
     */
    public static String section(List<ChartFile> charts, Path base) {
        return section(new RunCharts.Rendered(charts, Map.of()), base, true);
    }

    /**
     * As {@link #section(List, Path)}, with each cell's own charts under a heading per cell after the run's.
     *
     * @param pointToHtml say that report.html holds the charts inline (true in report.md, false in report.html itself)
     */
    public static String section(RunCharts.Rendered charts, Path base, boolean pointToHtml) {
        if (charts.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Charts\n\n").append(pointToHtml
                ? "PNG here, SVG linked; `report.html` has this report with the charts inside it.\n\n" : "");
        if (!charts.run().isEmpty()) {
            md.append(embed(charts.run(), base, "###")).append('\n');
        }
        if (!charts.byCell().isEmpty()) {
            md.append("### Each cell\n\nEach cell's rate and latency second by second, and its latency percentile "
                    + "spectrum, drawn from its `_intervals.csv` and `.hlog` files.\n\n");
            charts.byCell().forEach((cell, list) -> md.append("#### ").append(cell).append("\n\n")
                    .append(embed(list, base, "#####")).append('\n'));
        }
        return md.toString();
    }

    /** Each chart as a heading, its image, its caption and a link to its SVG. */
    public static String embed(List<ChartFile> charts, Path base, String heading) {
        StringBuilder md = new StringBuilder();
        for (ChartFile c : charts) {
            md.append(heading).append(' ').append(c.title()).append("\n\n")
                    .append("![").append(c.title()).append("](").append(link(base, c.png())).append(")\n\n")
                    .append(c.caption()).append(" [SVG](").append(link(base, c.svg())).append(")\n\n");
        }
        return md.toString().stripTrailing() + "\n";
    }

    /** A relative link with forward slashes, as Markdown viewers on every OS expect. */
    static String link(Path base, Path file) {
        return base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }
}
