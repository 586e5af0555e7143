package io.repram.orchestrate.analysis;

import java.nio.file.Path;
import java.util.List;

/** The Markdown of a list of charts: each one embedded as its PNG, with a link to the SVG. */
public final class ChartsMarkdown {

    private ChartsMarkdown() {
    }

    /**
     * A "## Charts" section for report.md with links relative to {@code base} (the directory the
     * Markdown file is in); empty when there are no charts, so the section disappears.
     */
    public static String section(List<ChartFile> charts, Path base) {
        if (charts.isEmpty()) {
            return "";
        }
        return "\n## Charts\n\nPNG here, SVG linked; `report.html` has this report with the charts inside it.\n\n"
                + embed(charts, base, "###") + "\n";
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
