package io.repram.orchestrate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * `run --metrics-port` scraped by a real Prometheus server (Debian's `prometheus` package), started
 * here on a free loopback port with a 1 s scrape interval: the series are there and agree with the
 * run's own files. Runs in CI always (CI=true and no binary fails); elsewhere it needs the binary.
 */
@Tag("prometheus")
class PrometheusScrapeTest {
    private static final Path BINARY = Path.of(System.getenv().getOrDefault("PROMETHEUS_BIN", "/usr/bin/prometheus"));
    private static final String CELL = "3nodes_4conc_512bytes";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path tmp;

    @Test
    void prometheusScrapesTheRunsSeriesAndTheyAgreeWithItsResults() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(BINARY + " is missing but CI=true: .ci/run installs it (apt-get install prometheus)");
            }
            Assumptions.assumeTrue(false, BINARY + " not installed (apt-get install -y prometheus); skipping");
        }
        int metricsPort = freePort();
        int promPort = freePort();
        Path config = tmp.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: repram-orchestrate
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(metricsPort));
        Process prometheus = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + tmp.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + promPort)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("prometheus.log").toFile()).start();
        try {
            String api = "http://127.0.0.1:" + promPort;
            awaitReady(api, prometheus);
            Captured console = new Captured();
            AtomicInteger code = new AtomicInteger(-1);
            Path results = tmp.resolve("results");
            // The endpoint lingers after the run so that the last values are scraped while we look.
            Thread run = new Thread(() -> code.set(console.run(new RunCommand(), IntervalOutputsTest.fixture0(),
                    "--driver", "process", "--ci", "--duration", "3s", "--results-dir", results.toString(),
                    "--metrics-port", Integer.toString(metricsPort), "--metrics-linger", "20s")), "metrics-run");
            run.start();
            Path csv = awaitFile(results, CELL + "_intervals.csv", run, () -> "exit " + code.get() + "\n" + console
                    + nodeLogTails(results));
            long requests = 0;
            long failures = 0;
            try (Reader in = Files.newBufferedReader(csv);
                 CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                for (CSVRecord r : p) {
                    requests += Long.parseLong(r.get("requests"));
                    failures += Long.parseLong(r.get("failures"));
                }
            }
            assertTrue(requests > 0);
            String selector = "repram_requests_total{cell=\"" + CELL + "\",cluster_size=\"3\"}";
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            double scraped = -1;
            while (System.nanoTime() < deadline) {
                JsonNode result = query(api, selector);
                if (result.size() == 1) scraped = result.get(0).path("value").get(1).asDouble();
                if (scraped == requests) break;
                Thread.sleep(200);
            }
            assertEquals(requests, scraped, 0.0, "the scraped request counter is the cell's request count");
            JsonNode runLabel = query(api, selector).get(0).path("metric");
            assertTrue(runLabel.path("run").asText().matches("\\d{8}-\\d{6}"), runLabel.toString());
            assertEquals(3, query(api, "repram_node_up{cell=\"" + CELL + "\"}").size(), "one up series per node");
            assertEquals(1.0, query(api, "repram_current_cell{cell=\"" + CELL + "\"}").get(0).path("value").get(1).asDouble());
            assertTrue(query(api, "repram_latency_seconds{op=\"put\",quantile=\"0.99\"}").get(0).path("value").get(1)
                    .asDouble() > 0, "a PUT p99 was exported");
            assertEquals((double) failures, query(api, "sum(repram_errors_total) or vector(0)").get(0).path("value").get(1)
                    .asDouble(), 0.0, "the errors by class add up to the cell's failures");
            run.join(60_000);
            assertEquals(ExitCodes.OK, code.get(), console.toString());
            assertTrue(console.out().contains("Metrics: http://127.0.0.1:" + metricsPort + "/metrics"), console.out());
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) prometheus.destroyForcibly();
        }
    }

    private JsonNode query(String api, String promql) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("data").path("result");
    }

    private void awaitReady(String api, Process prometheus) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && prometheus.isAlive()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        fail("prometheus did not become ready: " + Files.readString(tmp.resolve("prometheus.log")));
    }

    private static Path awaitFile(Path results, String name, Thread run, java.util.function.Supplier<String> why)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(results)) {
                try (Stream<Path> files = Files.walk(results)) {
                    var found = files.filter(f -> f.getFileName().toString().equals(name)).findFirst();
                    if (found.isPresent()) return found.get();
                }
            }
            if (!run.isAlive()) {
                String detail = why.get();
                // The CI summary keeps only the first line of a failure message; the test's own output keeps all.
                System.err.println("PrometheusScrapeTest: the run ended without writing " + name + ":\n" + detail);
                fail("the run ended without writing " + name + ": " + detail);
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " did not appear within 120 s");
    }

    /** The last lines of each node's log, for a failure message: why a cluster did not start or died. */
    private static String nodeLogTails(Path results) {
        StringBuilder out = new StringBuilder();
        if (!Files.isDirectory(results)) return "\n(no results directory)";
        try (Stream<Path> files = Files.walk(results)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                out.append("\n--- ").append(results.relativize(log)).append(" (last 30 lines)\n");
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> out.append(l).append('\n'));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            out.append("\n(node logs unreadable: ").append(e).append(")");
        }
        return out.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
