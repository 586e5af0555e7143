package io.repram.orchestrate.analysis;

import io.repram.orchestrate.report.ResultsException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
            Path pngTemp = Files.createTempFile(dir, "." + name, ".png.tmp");
            try {
                ChartUtils.saveChartAsPNG(pngTemp.toFile(), chart, width, height);
                move(pngTemp, png);
            } finally {
                Files.deleteIfExists(pngTemp);
            }
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            chart.draw(g, new Rectangle(0, 0, width, height));
            Path svgTemp = Files.createTempFile(dir, "." + name, ".svg.tmp");
            try {
                SVGUtils.writeToSVG(svgTemp.toFile(), g.getSVGElement());
                move(svgTemp, svg);
            } finally {
                Files.deleteIfExists(svgTemp);
            }
        } catch (IOException e) {
            throw new ResultsException("cannot write chart " + png + ": " + e.getMessage()
                    + " (check that the directory is writable and the disk is not full)", e);
        }
        String title = chart.getTitle() == null ? name : chart.getTitle().getText();
        return new ChartFile(title, caption, png, svg);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
