package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.AtomicFiles;
import io.repram.orchestrate.results.ResultsException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a chart as PNG and SVG, each atomically, so a report never links to a half-written image. */
public final class ChartWriter {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;

    private ChartWriter() {
    }

    /** Writes {@code dir/<name>.png} and {@code dir/<name>.svg}. */
    public static ChartFile write(JFreeChart chart, Path dir, String name, String caption) {
        return write(chart, dir, name, caption, WIDTH, HEIGHT);
    }

    public static ChartFile write(JFreeChart chart, Path dir, String name, String caption, int width, int height) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ResultsException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeBinary(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        AtomicFiles.writeBinary(svg, out -> out.write(g.getSVGDocument().getBytes(StandardCharsets.UTF_8)));
        String title = chart.getTitle() == null ? name : chart.getTitle().getText();
        return new ChartFile(title, caption, png, svg);
    }
}
