package io.repram.orchestrate.cli;

import io.repram.orchestrate.load.LoadGenerator;
import io.repram.orchestrate.load.LoadReport;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.live.MetricsEndpoint;
import io.repram.orchestrate.live.RunMetrics;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.IntervalLogStream;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.run.IntervalRecorder;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.scenario.ScenarioDefaults;
import io.repram.orchestrate.scenario.Units;
import io.repram.orchestrate.scenario.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code repram-orchestrate load}: the standalone load tester for any REPRAM node. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Sends PUT/GET load to one or more REPRAM nodes and reports throughput, success rate and latency.",
            "GETs read only keys this run wrote; with --put-percent 0 the run is GET-only and reads random keys.",
            "Without --rate, each of the -c connections sends requests back to back (closed loop); with --rate,",
            "requests arrive at that constant rate and latency counts from each intended start (open loop)."},
        footer = {"", "Examples:",
            "  repram-orchestrate load --url http://127.0.0.1:8080,http://127.0.0.1:8081 \\",
            "      -c 50 -d 120s --payload-bytes 1024",
            "  repram-orchestrate load --url http://127.0.0.1:8080 -c 25 -d 60s --rate 2000 \\",
            "      --json result.json",
            "", "Exit codes: 0 ok, 1 error (no request succeeded), 2 bad usage or input."})
public final class LoadCommand implements Callable<Integer> {

    private static final long PROGRESS_EVERY_SECONDS = 5;

    @Spec
    private CommandSpec commandSpec;

    @Option(names = "--url", required = true, paramLabel = "URL[,URL...]", split = ",",
            description = "Base URL of each node, http:// only, e.g. http://127.0.0.1:8080.")
    private List<String> urls;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "50", description = "Connections (default ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = {"-d", "--duration"}, defaultValue = "60s", paramLabel = "DURATION",
            description = "Measured time, e.g. 120s, 2m, PT2M (default ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--warmup", defaultValue = "0s", paramLabel = "DURATION",
            description = "Load before the measured time, left out of the result (default ${DEFAULT-VALUE}).")
    private Duration warmup;

    // A field initialiser, not defaultValue: the hidden old name must not reset what --payload-bytes set.
    @Option(names = "--payload-bytes", paramLabel = "BYTES", description = "PUT payload size (default ${DEFAULT-VALUE}).")
    private int sizeBytes = 1024;

    // The old name, kept working but out of the help: --size meant nodes in cluster up and ports in doctor.
    @Option(names = "--size", paramLabel = "BYTES", hidden = true)
    private void legacySize(int bytes) {
        sizeBytes = bytes;
    }

    @Option(names = "--put-percent", defaultValue = "" + ScenarioDefaults.PUT_PERCENT, description = "Share of PUTs, 0..100 (default ${DEFAULT-VALUE}).")
    private int putPercent;

    @Option(names = "--rate", paramLabel = "N", description = "Open loop at N requests/s in total (default: closed loop).")
    private Integer rate;

    @Option(names = "--ttl", defaultValue = "" + ScenarioDefaults.TTL_SECONDS, paramLabel = "SECONDS", description = "TTL of written keys (default ${DEFAULT-VALUE}).")
    private int ttlSeconds;

    @Option(names = "--key-space", defaultValue = "" + ScenarioDefaults.KEY_SPACE, description = "Number of distinct keys (default ${DEFAULT-VALUE}).")
    private int keySpace;

    @Option(names = "--timeout", defaultValue = "10s", paramLabel = "DURATION", description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of keys, op mix and payloads (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON result (docs/results.md) to FILE; - writes it to stdout, which then carries nothing else (the table and progress are on stderr).")
    private Path jsonFile;

    @picocli.CommandLine.Mixin
    LiveOutputs outputs = new LiveOutputs();
    @picocli.CommandLine.Mixin
    MetricsOptions metrics = new MetricsOptions();

    /** The {@code cell} label and ndjson field of a standalone load: it has no matrix. */
    static final String CELL = "load";

    /** {@code --json -}: the JSON goes to stdout, alone, so the output can be piped into jq. */
    static final String STDOUT = "-";

    @Override
    public Integer call() {
        // Human text goes to stderr, so stdout carries nothing but the JSON of `--json -`.
        PrintWriter out = commandSpec.commandLine().getErr();
        LoadSpec spec = LoadSpec.of(parseUrls(urls), new Workload(putPercent, ttlSeconds, keySpace, rate, Workload.Targets.ALL),
                concurrency, sizeBytes, warmup, duration, timeout, seed);
        LoadGenerator generator = new LoadGenerator(spec);
        out.printf(Locale.ROOT, "Load: %d connection(s) to %s, %s, %d-byte payloads, %d%% PUT, %s measured%s%n",
                spec.concurrency(), spec.targets(), spec.openLoop() ? spec.ratePerSecond() + " req/s (open loop)" : "closed loop",
                spec.payloadBytes(), spec.putPercent(), Units.formatDuration(duration),
                spec.warmup().isZero() ? "" : " after " + Units.formatDuration(warmup) + " warm-up");
        out.flush();
        CountDownLatch reported = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            generator.stop();
            try {
                reported.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "load-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        List<IntervalLogStream> streams = outputs.openStreams();
        RunMetrics live = new RunMetrics("load");
        MetricsEndpoint endpoint = null;
        try (generator) {
            endpoint = metrics.start(live.registry(), out);
            live.cellStarted(CELL, spec.targets().size());
            IntervalRecorder recorder = IntervalRecorder.streaming(CELL, spec.openLoop() ? spec.ratePerSecond() : null,
                    spec.warmup().toMillis(), spec.targets().stream().map(Object::toString).toList());
            ProgressPrinter progress = new ProgressPrinter(Verbosity.of(commandSpec).quiet() ? null : out);
            LoadFigures figures = generator.runDetailed(detail -> {
                progress.accept(detail.figures());
                IntervalRecord record = recorder.add(detail, List.of());
                for (IntervalLogStream stream : streams) stream.write(CELL, spec.targets().size(), record);
                live.interval(CELL, spec.targets().size(), record);
            });
            out.println();
            out.print(LoadReport.table(figures));
            out.println();
            String json = LoadReport.prettyJson(spec, figures);
            out.flush();
            if (jsonFile != null && jsonFile.toString().equals(STDOUT)) {
                PrintWriter stdout = commandSpec.commandLine().getOut();
                stdout.println(json);
                stdout.flush();
            } else if (jsonFile != null) {
                writeJson(json);
            }
            if (figures.successes() == 0) {
                throw new CommandFailure(ExitCodes.ERROR, "no request succeeded (" + figures.errorsByClass()
                        + "); check that every --url points at a running REPRAM node.");
            }
            return ExitCodes.OK;
        } finally {
            streams.forEach(IntervalLogStream::close);
            metrics.close(endpoint);
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running; it ends on its own.
            }
        }
    }

    private void writeJson(String json) {
        try {
            Path parent = jsonFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(jsonFile, json + System.lineSeparator());
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.ERROR, "cannot write " + jsonFile + ": " + e.getMessage(), e);
        }
    }

    static List<URI> parseUrls(List<String> urls) {
        List<URI> result = new ArrayList<>();
        for (String raw : urls) {
            String url = raw.strip();
            if (url.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + url + "' is not a valid URL (" + e.getReason()
                        + "); write it as http://HOST:PORT");
            }
            if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http")) {
                throw new IllegalArgumentException("'" + url + "' is not an http:// URL; only plain HTTP is supported, e.g. http://127.0.0.1:8080");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("'" + url + "' has no valid host; write it as http://HOST:PORT");
            }
            result.add(uri);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("--url needs at least one URL, e.g. http://127.0.0.1:8080");
        }
        return result;
    }

    /**
     * Prints a progress line every five seconds, for the warm-up and for the measured window. Each
     * phase counts from its own start, time and requests alike, and the rate is labelled as the
     * average it is.
     */
    static final class ProgressPrinter implements java.util.function.Consumer<IntervalFigures> {
        private final PrintWriter out;
        private boolean warmup = true;
        private double seconds;
        private long requests;
        private long successes;
        private long failures;
        private long nextPrintSeconds = PROGRESS_EVERY_SECONDS;

        /** @param out where the lines go; null prints none ({@code --quiet}) */
        ProgressPrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void accept(IntervalFigures interval) {
            if (out == null) return; // --quiet
            if (warmup && !interval.warmup()) {
                warmup = false;
                seconds = 0;
                requests = successes = failures = 0;
                nextPrintSeconds = PROGRESS_EVERY_SECONDS;
            }
            seconds += interval.intervalSeconds();
            requests += interval.requests();
            successes += interval.successes();
            failures += interval.failures();
            // Half a second of slack: intervals are about, not exactly, one second long.
            if (seconds + 0.5 >= nextPrintSeconds) {
                String phase = interval.warmup() ? "warm-up" : "measured window";
                out.printf(Locale.ROOT, "%s %ds: %d requests (%d successful, %d failed), avg %.2f req/s since the %s "
                                + "began, last interval %.2f req/s%n",
                        interval.warmup() ? "Warm-up" : "Measured", Math.round(seconds), requests, successes, failures,
                        seconds <= 0 ? 0 : requests / seconds, phase, interval.requestsPerSec());
                out.flush();
                while (nextPrintSeconds <= seconds + 0.5) {
                    nextPrintSeconds += PROGRESS_EVERY_SECONDS;
                }
            }
        }
    }

    /** Runs {@code load} on its own, without the rest of the CLI (used by bench/loadgen-vs-wrk.sh). */
    public static void main(String[] args) {
        System.exit(Main.commandLine(new LoadCommand()).execute(args));
    }
}
