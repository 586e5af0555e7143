package io.repram.orchestrate.analysis;

import io.repram.orchestrate.cli.ReportCommand;
import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.scenario.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-cell charts in a whole run: drawn from the cells' saved files, in report.md and report.html, redrawn by `report`. */
class CellChartsReportTest {

    @TempDir
    Path tmp;

    static final List<String> MATRIX_CHARTS = List.of("throughput_vs_cluster_size", "throughput_p99_vs_concurrency",
            "latency_vs_concurrency", "success_rate");

    /** 1 and 2 nodes × 2 and 4 workers; every cell but the last has its per-interval files. */
    Path writeRun() {
        var scenario = Fixtures.scenario(new Matrix(List.of(1, 2), List.of(2, 4), List.of(1024)), Fixtures.workload());
        ResultsWriter writer = ResultsWriter.start(ResultsDir.create(tmp, ReportRenderingTest.AT),
                Fixtures.runInfo(scenario, 2, "sha256:a", "docker"));
        int index = 0;
        List<CellResult> cells = new ArrayList<>();
        for (int size : List.of(1, 2)) {
            for (int conc : List.of(2, 4)) {
                cells.add(ChartFixtures.cell(index++, size, conc, 1024, 500.0 * size * conc, 300_000, 3_000_000,
                        List.of(ChartFixtures.kill(5_000, 0))));
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            writer.writeCell(cells.get(i));
            if (i < cells.size() - 1) ChartFixtures.writeCellFiles(writer.dir().path(), cells.get(i));
        }
        writer.writeReports();
        return writer.dir().path();
    }

    static List<String> chartNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(RunCharts.DIR))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<String> expectedNames() {
        List<String> names = new ArrayList<>();
        for (String m : MATRIX_CHARTS) {
            names.add(m + ".png");
            names.add(m + ".svg");
        }
        for (String cell : List.of("1nodes_2conc_1024bytes", "1nodes_4conc_1024bytes", "2nodes_2conc_1024bytes")) {
            for (String kind : List.of("_over_time", "_percentiles")) {
                names.add(cell + kind + ".png");
                names.add(cell + kind + ".svg");
            }
        }
        return names.stream().sorted().toList();
    }

    @Test
    void eachCellWithSavedIntervalsGetsItsOverTimeAndSpectrumChartsInReportMdAndHtml() throws IOException {
        Path dir = writeRun();
        assertEquals(expectedNames(), chartNames(dir));
        for (String name : expectedNames()) {
            if (name.endsWith(".png")) {
                assertNotNull(ImageIO.read(dir.resolve(RunCharts.DIR).resolve(name).toFile()), name);
            }
        }
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("#### 1nodes_2conc_1024bytes"), md);
        assertTrue(md.contains("](charts/1nodes_2conc_1024bytes_over_time.png)"), md);
        assertTrue(md.contains("](charts/2nodes_2conc_1024bytes_percentiles.png)"), md);
        assertFalse(md.contains("#### 2nodes_4conc_1024bytes"), "the cell without files has no charts");
        for (String link : ReportRenderingTest.links(md)) {
            assertTrue(Files.isRegularFile(dir.resolve(link)), "report.md links to missing " + link);
        }
        String html = Files.readString(dir.resolve("report.html"));
        Matcher images = Pattern.compile("<img\\s[^>]*src=\"data:image/png;base64,").matcher(html);
        int count = 0;
        while (images.find()) count++;
        assertEquals(MATRIX_CHARTS.size() + 3 * 2, count, "every chart inlined in report.html");
    }

    @Test
    void theReportCommandRedrawsTheCellChartsFromTheSavedFilesAlone() throws IOException {
        Path dir = writeRun();
        String before = Files.readString(dir.resolve("report.md"));
        try (Stream<Path> walk = Files.walk(dir.resolve(RunCharts.DIR))) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        Files.delete(dir.resolve("report.md"));
        Files.delete(dir.resolve("report.html"));
        CommandRun r = CommandRun.of(new ReportCommand(), dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(expectedNames(), chartNames(dir));
        assertEquals(before, Files.readString(dir.resolve("report.md")));
    }
}
