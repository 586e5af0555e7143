package io.repram.orchestrate.cli;

import io.repram.node.NodeConfig;
import io.repram.node.RepramNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class MonitorCommandTest {
    /** Bounds a hang only: the monitor shares two cores with other builds. */
    private static final long WAIT_MILLIS = 20_000;

    private final Captured console = new Captured();
    private final List<RepramNode> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopNodes() {
        nodes.forEach(RepramNode::close);
    }

    private RepramNode node(String id) {
        RepramNode n = RepramNode.start(NodeConfig.fromEnv(Map.of("REPRAM_HTTP_PORT", "0", "REPRAM_NODE_ID", id,
                "REPRAM_ADDRESS", "127.0.0.1", "REPRAM_NETWORK", "private", "REPRAM_RATE_LIMIT", "0",
                "REPRAM_REPLICATION", "1")));
        nodes.add(n);
        return n;
    }

    private void put(RepramNode n, String key) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(n) + "/v1/data/" + key + "?ttl=600"))
                .PUT(HttpRequest.BodyPublishers.ofString("value-" + key)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, "PUT " + key + " answered " + r.statusCode());
    }

    private static String url(RepramNode n) {
        return "http://127.0.0.1:" + n.httpPort();
    }

    private int run(String... args) {
        return console.run(new MonitorCommand(), args);
    }

    /** Waits until the monitoring directory under {@code parent} has a cluster row that {@code wanted} accepts. */
    private static void awaitRow(Path parent, Predicate<CSVRecord> wanted, String what) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            try (Stream<Path> dirs = Files.list(parent)) {
                Optional<Path> csv = dirs.map(d -> d.resolve("cluster_metrics.csv")).filter(Files::isRegularFile).findFirst();
                if (csv.isPresent()) {
                    try (CSVParser p = CSVParser.parse(csv.get(), StandardCharsets.UTF_8,
                            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
                        // A row being written has fewer columns than the header: not a row yet.
                        if (p.getRecords().stream().filter(CSVRecord::isConsistent).anyMatch(wanted)) return;
                    }
                }
            }
            if (System.currentTimeMillis() > deadline) fail("no monitoring row " + what + " under " + parent + " after " + WAIT_MILLIS + " ms");
            Thread.sleep(20);
        }
    }

    /** Client requests served by every node at each row's time, from app_metrics.csv (the nodes' own counters). */
    private static Map<String, Long> servedAtRow(List<CSVRecord> app) {
        Map<String, Long> served = new LinkedHashMap<>();
        for (CSVRecord r : app) served.merge(r.get("timestamp"), Long.parseLong(r.get("total_requests")), Long::sum);
        return served;
    }

    private static List<CSVRecord> rows(Path csv, List<String> header) throws Exception {
        try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(header, p.getHeaderNames(), csv.getFileName() + " header");
            return p.getRecords();
        }
    }

    private static Path onlyDir(Path parent) throws Exception {
        try (Stream<Path> dirs = Files.list(parent)) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), all.toString());
            assertTrue(all.get(0).getFileName().toString().matches("monitoring_\\d{8}_\\d{6}"), all.toString());
            return all.get(0);
        }
    }

    @Test
    void urlNodesGiveTheCsvsWithTheirColumnsAndSaneValues(@TempDir Path tmp) throws Exception {
        RepramNode a = node("n1");
        RepramNode b = node("n2");
        for (int i = 0; i < 4; i++) put(a, "a" + i);
        for (int i = 0; i < 2; i++) put(b, "b" + i);
        // Keep a trickle of writes going so the rate is not just zero.
        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 10; i++) {
                    put(a, "w" + i);
                    Thread.sleep(150);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int code = run("--url", url(a) + "," + url(b), "--duration", "3", "--interval", "1", "--no-dashboard",
                "--results-dir", tmp.toString());
        writes.join();
        assertEquals(0, code, console.err());
        Path dir = onlyDir(tmp);

        assertTrue(rows(dir.resolve("container_stats.csv"), List.of("timestamp", "node", "cpu_percent", "memory_usage_mb",
                "memory_percent", "network_rx_mb", "network_tx_mb")).isEmpty(), "--url nodes have no container stats");

        List<CSVRecord> app = rows(dir.resolve("app_metrics.csv"), List.of("timestamp", "node", "total_requests",
                "successful_requests", "failed_requests", "storage_items", "storage_bytes", "avg_latency_ms"));
        assertEquals(6, app.size(), "2 nodes x 3 rows");
        CSVRecord lastA = app.stream().filter(r -> r.get("node").equals("n1")).reduce((x, y) -> y).orElseThrow();
        CSVRecord lastB = app.stream().filter(r -> r.get("node").equals("n2")).reduce((x, y) -> y).orElseThrow();
        assertTrue(Long.parseLong(lastA.get("total_requests")) >= 4, lastA.toString());
        assertEquals(2, Long.parseLong(lastB.get("total_requests")), "the monitor's own polls are not counted");
        assertEquals("0", lastA.get("failed_requests"));
        assertTrue(Long.parseLong(lastA.get("storage_items")) >= 4, lastA.toString());
        assertEquals("2", lastB.get("storage_items"));
        assertTrue(Long.parseLong(lastB.get("storage_bytes")) > 0);
        assertTrue(Instant(lastA.get("timestamp")));

        List<CSVRecord> cluster = rows(dir.resolve("cluster_metrics.csv"), List.of("timestamp", "overall_rps",
                "cluster_storage_items", "cluster_storage_mb", "cluster_health_score"));
        assertEquals(3, cluster.size());
        Map<String, Long> served = servedAtRow(app);
        for (int i = 0; i < cluster.size(); i++) {
            CSVRecord r = cluster.get(i);
            assertEquals("1.000", r.get("cluster_health_score"), r.toString());
            assertTrue(Long.parseLong(r.get("cluster_storage_items")) >= 6, r.toString());
            if (i == 0) continue; // its window starts at a reading the files do not show
            // A row's rate counts exactly the requests the nodes' counters gained since the row before.
            long gained = served.get(r.get("timestamp")) - served.get(cluster.get(i - 1).get("timestamp"));
            if (gained == 0) {
                assertEquals("0.00", r.get("overall_rps"), "no request served, so no rate: " + r);
            } else {
                assertTrue(Double.parseDouble(r.get("overall_rps")) > 0, gained + " requests served: " + r);
            }
        }
        assertTrue(cluster.stream().anyMatch(r -> Double.parseDouble(r.get("overall_rps")) > 0),
                "the writes during monitoring show as requests/s");

        String report = Files.readString(dir.resolve("monitoring_report.md"));
        assertTrue(report.contains("| n1 |") && report.contains("| n2 |"), report);
        assertTrue(report.contains("None: every node answered throughout."), report);
        assertTrue(report.contains("duration reached"), report);
        String printed = console.out();
        assertTrue(printed.contains("Monitor: ") && printed.contains("2/2 nodes up"), printed);
    }

    @Test
    void overallRpsIsTheRateTheNodesServe(@TempDir Path tmp) throws Exception {
        try (SteadyRateNode a = new SteadyRateNode("steady-1", 150); SteadyRateNode b = new SteadyRateNode("steady-2", 50)) {
            int code = run("--url", a.url() + "," + b.url(), "--duration", "4", "--interval", "2", "--no-dashboard",
                    "--results-dir", tmp.toString());
            assertEquals(0, code, console.err());
        }
        List<CSVRecord> cluster = rows(onlyDir(tmp).resolve("cluster_metrics.csv"), List.of("timestamp", "overall_rps",
                "cluster_storage_items", "cluster_storage_mb", "cluster_health_score"));
        assertEquals(2, cluster.size(), "a row every 2 s of 4: " + cluster);
        for (CSVRecord r : cluster) {
            // 150 + 50 req/s; the slack is only for when each poll lands (a few ms of a 2 s window).
            double rps = Double.parseDouble(r.get("overall_rps"));
            assertTrue(rps > 200 * 0.75 && rps < 200 * 1.25, "the nodes serve 200 req/s together: " + r);
        }
    }

    private static boolean Instant(String ts) {
        return java.time.Instant.parse(ts).isAfter(java.time.Instant.now().minusSeconds(60));
    }

    @Test
    void aNodeThatGoesDownShowsAsDownAndLowersTheHealth(@TempDir Path tmp) throws Exception {
        RepramNode a = node("n1");
        RepramNode b = node("n2");
        put(a, "k");
        // A duration the test never waits out: it stops the monitor (as Ctrl-C would) once a row shows
        // n2 down, so a slow machine cannot end the run before n2 is gone.
        CompletableFuture<Integer> monitor = new CompletableFuture<>();
        Thread runner = new Thread(() -> monitor.complete(run("--url", url(a) + "," + url(b), "--duration", "5m",
                "--interval", "1", "--cluster-size", "2", "--no-dashboard", "--results-dir", tmp.toString())), "monitor");
        runner.setDaemon(true);
        runner.start();
        try {
            awaitRow(tmp, r -> true, "at all");
            b.close();
            awaitRow(tmp, r -> r.get("cluster_health_score").equals("0.500"), "with n2 down");
        } finally {
            runner.interrupt();
        }
        int code = monitor.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        assertEquals(0, code, console.err());
        Path dir = onlyDir(tmp);
        List<CSVRecord> cluster = rows(dir.resolve("cluster_metrics.csv"), List.of("timestamp", "overall_rps",
                "cluster_storage_items", "cluster_storage_mb", "cluster_health_score"));
        assertEquals("1.000", cluster.get(0).get("cluster_health_score"));
        assertEquals("0.500", cluster.get(cluster.size() - 1).get("cluster_health_score"));
        List<CSVRecord> app = rows(dir.resolve("app_metrics.csv"), List.of("timestamp", "node", "total_requests",
                "successful_requests", "failed_requests", "storage_items", "storage_bytes", "avg_latency_ms"));
        String lastTs = cluster.get(cluster.size() - 1).get("timestamp");
        assertFalse(app.stream().anyMatch(r -> r.get("timestamp").equals(lastTs) && r.get("node").equals("n2")),
                "a DOWN node has no app row");
        String report = Files.readString(dir.resolve("monitoring_report.md"));
        assertTrue(report.contains("- n2: went DOWN at"), report);
        assertTrue(console.out().contains("n2 is DOWN"), console.out());
        assertTrue(console.out().contains("1/2 nodes up"));
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path tmp) {
        assertEquals(ExitCodes.BAD_INPUT, run("--url", "http://127.0.0.1:1", "--cluster", "x", "--results-dir", tmp.toString()));
        assertTrue(console.err().contains("exclude each other"));
        assertEquals(ExitCodes.BAD_INPUT, run("--url", "http://127.0.0.1:1", "--interval", "0"));
        assertEquals(ExitCodes.BAD_INPUT, run("--url", "http://127.0.0.1:1", "--duration", "soon"));
        assertEquals(ExitCodes.BAD_INPUT, run("--url", "ftp://127.0.0.1:1"));
    }

    @Test
    void registeredInMain() {
        assertTrue(Main.commandLine().getSubcommands().containsKey("monitor"));
    }
}
