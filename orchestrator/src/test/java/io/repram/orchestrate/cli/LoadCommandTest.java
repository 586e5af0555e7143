package io.repram.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
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

    @Test
    void printsTableAndJsonAndWritesTheJsonFile(@TempDir Path dir) throws Exception {
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
        Path json = dir.resolve("out/result.json");
        try {
            int code = run("--url", "http://127.0.0.1:" + server.getAddress().getPort(), "-c", "4", "-d", "1s",
                    "--payload-bytes", "128", "--put-percent", "60", "--json", json.toString());
            assertEquals(0, code, err.toString());
        } finally {
            server.stop(0);
        }
        String printed = out.toString();
        assertTrue(printed.contains("Throughput"), printed);
        assertTrue(printed.contains("\"requests_per_sec\""), printed);
        JsonNode result = new ObjectMapper().readTree(Files.readString(json));
        assertTrue(result.get("requests").asLong() > 0);
        assertTrue(result.get("requests_per_sec").asDouble() > 0);
        assertEquals(100.0, result.get("success_rate").asDouble());
        for (String percentile : new String[] {"p50", "p90", "p99", "p999", "max"}) {
            assertTrue(result.get("latency_ms").has(percentile), percentile);
        }
        assertTrue(result.get("latency_ms").get("max").asDouble() >= result.get("latency_ms").get("p50").asDouble());
        assertTrue(result.get("errors").isEmpty());
        assertEquals(60, result.get("put_percent").asInt());
        assertEquals(128, result.get("payload_bytes").asInt());
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
        assertTrue(out.toString().contains("\"connect\""), out.toString());
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
        assertEquals("Warm-up: 5s elapsed, 50 requests (50 successful, 0 failed), 10.00 req/sec", printed[0]);
        assertEquals("Progress: 5s elapsed, 500 requests (495 successful, 5 failed), 100.00 req/sec", printed[1]);
        assertEquals("Progress: 10s elapsed, 1000 requests (990 successful, 10 failed), 100.00 req/sec", printed[2]);
    }
}
