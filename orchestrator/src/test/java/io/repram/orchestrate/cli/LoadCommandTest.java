package io.repram.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LoadCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine(new LoadCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** A node that answers PUT 201 and GET 200, on an ephemeral port. */
    private static HttpServer node() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/v1/data/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestMethod().equals("PUT")) {
                    exchange.sendResponseHeaders(201, -1);
                } else {
                    byte[] body = "value".getBytes();
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
        });
        server.start();
        return server;
    }

    @Test
    void printsTheTableToStderrAndWritesTheJsonFile(@TempDir Path dir) throws Exception {
        HttpServer server = node();
        Path json = dir.resolve("out/result.json");
        try {
            int code = run("--url", "http://127.0.0.1:" + server.getAddress().getPort(), "-c", "4", "-d", "1s",
                    "--payload-bytes", "128", "--put-percent", "60", "--json", json.toString());
            assertEquals(0, code, err.toString());
        } finally {
            server.stop(0);
        }
        assertTrue(err.toString().contains("Throughput"), err.toString());
        assertEquals("", out.toString(), "stdout carries only the JSON of --json -");
        JsonNode result = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(2, result.get("schema_version").asInt());
        assertTrue(result.get("requests").asLong() > 0);
        assertTrue(result.get("requests_per_sec").asDouble() > 0);
        assertEquals(100.0, result.get("success_percent").asDouble());
        for (String percentile : new String[] {"p50_us", "p90_us", "p99_us", "p999_us", "max_us", "mean_us"}) {
            assertTrue(result.get("latency").get(percentile).isIntegralNumber(), percentile);
        }
        assertTrue(result.get("latency").get("max_us").asLong() >= result.get("latency").get("p50_us").asLong());
        assertTrue(result.get("errors_by_class").isEmpty());
        assertEquals(60, result.get("put_percent").asInt());
        assertEquals(128, result.get("payload_bytes").asInt());
        assertTrue(result.get("offered_requests_per_sec").isNull(), "closed loop");
    }

    @Test
    void jsonDashWritesTheJsonAloneToStdoutAndNoFileNamedDash(@TempDir Path dir) throws Exception {
        HttpServer server = node();
        String cwd = System.getProperty("user.dir");
        try {
            int code = run("--url", "http://127.0.0.1:" + server.getAddress().getPort(), "-c", "2", "-d", "500ms",
                    "--json", "-");
            assertEquals(0, code, err.toString());
        } finally {
            server.stop(0);
        }
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertTrue(result.get("requests").asLong() > 0, out.toString());
        assertEquals(out.toString().strip(), new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(result).strip(), "nothing but one JSON document on stdout");
        assertTrue(err.toString().contains("Throughput"), err.toString());
        assertTrue(err.toString().contains("Load: "), err.toString());
        assertFalse(Files.exists(Path.of(cwd, "-")), "no file named -");
    }

    @Test
    void noSuccessfulRequestIsAnError() throws Exception {
        int port;
        try (var probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int code = run("--url", "http://127.0.0.1:" + port, "-c", "1", "-d", "300ms");
        assertEquals(ExitCodes.ERROR, code);
        assertTrue(err.toString().contains("no request succeeded"), err.toString());
        assertTrue(err.toString().contains("connect="), err.toString());
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() {
        assertEquals(ExitCodes.BAD_INPUT, run("--url", "ftp://127.0.0.1:21"));
        assertTrue(err.toString().contains("not an http:// URL"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("--url", "http://127.0.0.1:8080 x"));
        assertTrue(err.toString().contains("not a valid URL"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("--url", "http://127.0.0.1:8080", "-c", "-5"));
        assertTrue(err.toString().contains("concurrency"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("--url", "http://127.0.0.1:8080", "-d", "soon"));
        assertTrue(err.toString().contains("not a duration"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("--url", "http://127.0.0.1:8080", "--put-percent", "120"));
        assertEquals(ExitCodes.BAD_INPUT, run("-c", "5"));
        assertTrue(err.toString().contains("--url"), err.toString());
    }

    @Test
    void helpShowsAnExample() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Examples:"));
        assertTrue(out.toString().contains("repram-orchestrate load --url"));
    }

    @Test
    void progressLineEveryFiveSecondsOfWarmupAndOfMeasuredTime() {
        StringWriter lines = new StringWriter();
        LoadCommand.ProgressPrinter printer = new LoadCommand.ProgressPrinter(new PrintWriter(lines, true));
        for (int i = 0; i < 5; i++) {
            printer.accept(new io.repram.orchestrate.results.IntervalFigures(0, 1.0, 10, 10, 0, 100, 200, true, java.util.Map.of()));
        }
        for (int i = 0; i < 12; i++) {
            printer.accept(new io.repram.orchestrate.results.IntervalFigures(0, 1.0, 100, 99, 1, 100, 200, false,
                    java.util.Map.of("status_503", 1L)));
        }
        String[] printed = lines.toString().split("\\R");
        assertEquals(3, printed.length, lines.toString());
        assertEquals("Warm-up 5s: 50 requests (50 successful, 0 failed), avg 10.00 req/s since the warm-up began, "
                + "last interval 10.00 req/s", printed[0]);
        assertEquals("Measured 5s: 500 requests (495 successful, 5 failed), avg 100.00 req/s since the measured "
                + "window began, last interval 100.00 req/s", printed[1]);
        assertEquals("Measured 10s: 1000 requests (990 successful, 10 failed), avg 100.00 req/s since the measured "
                + "window began, last interval 100.00 req/s", printed[2]);
    }
}
