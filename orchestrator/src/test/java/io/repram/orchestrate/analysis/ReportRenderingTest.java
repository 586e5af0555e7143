package io.repram.orchestrate.analysis;

import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.scenario.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportRenderingTest {

    private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern SRC = Pattern.compile("\\ssrc\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path tmp;

    @TempDir
    static Path shared;

    static final LocalDateTime AT = LocalDateTime.of(2025, 1, 2, 3, 4, 5);

    /** Written once: the reports are rewritten after each of its 12 cells, which takes a while. */
    private static ResultsWriter fullRun;

    static synchronized ResultsWriter fullRun() {
        if (fullRun == null) {
            fullRun = Fixtures.writeRun(shared, AT, Fixtures.runInfo(Fixtures.fullScenario(), 2, "sha256:a", "docker"),
                    Fixtures.fullMatrix(), true);
        }
        return fullRun;
    }

    static List<String> links(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = MD_LINK.matcher(markdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aRunDrawsEveryChartAsValidPngAndSvg() throws IOException {
        Path dir = fullRun().dir().path();
        for (String name : List.of("throughput_vs_cluster_size", "throughput_p99_vs_concurrency",
                "latency_vs_concurrency", "throughput_vs_payload", "resources", "success_rate")) {
            Path png = dir.resolve("charts").resolve(name + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " is not a readable image");
            assertTrue(image.getWidth() >= 800 && image.getHeight() >= 400, name + " " + image.getWidth());
            String svg = Files.readString(dir.resolve("charts").resolve(name + ".svg"));
            assertTrue(svg.contains("<svg") && svg.strip().endsWith("</svg>"), name + ".svg is not an SVG document");
        }
        try (var files = Files.list(dir.resolve("charts"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temp files left");
        }
    }

    @Test
    void reportMarkdownEmbedsTheChartsAndEveryLinkPointsToAFile() throws IOException {
        Path dir = fullRun().dir().path();
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Charts"), md);
        assertTrue(md.contains("![Throughput by cluster size](charts/throughput_vs_cluster_size.png)"), md);
        List<String> links = links(md);
        assertEquals(12, links.size(), links.toString());
        for (String link : links) {
            assertTrue(Files.isRegularFile(dir.resolve(link)), "report.md links to missing " + link);
        }
        assertFalse(md.contains("{{"), md);
    }

    @Test
    void reportHtmlIsSelfContained() throws IOException {
        Path dir = fullRun().dir().path();
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertTrue(html.contains("<table>"), "Markdown tables must become HTML tables");
        Matcher m = SRC.matcher(html);
        int images = 0;
        while (m.find()) {
            assertTrue(m.group(1).startsWith("data:image/png;base64,"), "external src: " + m.group(1).substring(0,
                    Math.min(60, m.group(1).length())));
            images++;
        }
        assertEquals(6, images);
        assertFalse(html.toLowerCase().contains("<link"), "no external style sheets");
        assertFalse(html.toLowerCase().contains("<script"), "no scripts");
        // The inlined data decodes to the same PNG that is on disk.
        Matcher first = SRC.matcher(html);
        assertTrue(first.find());
        byte[] inlined = java.util.Base64.getDecoder().decode(first.group(1).substring("data:image/png;base64,".length()));
        assertNotNull(ImageIO.read(new java.io.ByteArrayInputStream(inlined)));
    }

    @Test
    void chartsAreDrawnOnlyWhenThereIsDataForThem() throws IOException {
        var scenario = Fixtures.scenario(new Matrix(List.of(3), List.of(10), List.of(1024)), Fixtures.workload());
        Path dir = Fixtures.writeRun(tmp, AT, Fixtures.runInfo(scenario, 2, "sha256:a", "docker"),
                List.of(new Fixtures.Spec(3, 10, 1024, 1000, 100, 1, 2)), false).dir().path();
        try (var files = Files.list(dir.resolve("charts"))) {
            assertEquals(List.of("success_rate.png", "success_rate.svg"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String md = Files.readString(dir.resolve("report.md"));
        for (String link : links(md)) {
            assertTrue(Files.isRegularFile(dir.resolve(link)), link);
        }
        assertFalse(md.contains("throughput_vs_cluster_size"), md);
    }

    @Test
    void monitorLayoutStatsAreReadToo() throws IOException {
        Path file = tmp.resolve("container_stats.csv");
        Files.writeString(file, "timestamp,node,cpu_percent,memory_usage_mb,memory_percent,network_rx_mb,network_tx_mb\n"
                + "2025-01-02T03:04:05Z,repram-node-0,12.5,100.0,19.5,1.0,2.0\n"
                + "2025-01-02 03:04:06,repram-node-1,80.25,150.5,29.4,1.0,2.0\n");
        List<StatsSample> samples = StatsCsvReader.read(file);
        assertEquals(2, samples.size());
        assertEquals(new StatsSample(java.time.Instant.parse("2025-01-02T03:04:06Z"), null, "repram-node-1", 80.25,
                150.5), samples.get(1));
    }
}
