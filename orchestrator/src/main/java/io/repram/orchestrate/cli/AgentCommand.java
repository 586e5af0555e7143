package io.repram.orchestrate.cli;

import io.repram.orchestrate.live.MetricsEndpoint;
import io.repram.orchestrate.live.RunMetrics;
import io.repram.orchestrate.run.IntervalRecorder;
import io.repram.orchestrate.load.agent.AgentServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "agent",
        description = {"Runs a distributed load agent, which takes its load plans from `run` over HTTP.",
                "It drives the load at the nodes it is given and reports interval HdrHistograms back; it serves"
                        + " until stopped. The orchestrator starts agents itself (load: {agents: N} or run --agents N):"
                        + " run this by hand only to test one, or in the agent image."},
        footer = {"", "Control API: GET /v1/agent, POST /v1/agent/plan,",
                "  GET /v1/agent/intervals?after=SEQ, GET /v1/agent/result, GET /v1/agent/writes,",
                "  POST /v1/agent/stop", "",
                "Examples:",
                "  repram-orchestrate agent --port 7070",
                "  # in a container:",
                "  repram-orchestrate agent --port 7070 --bind 0.0.0.0 --id agent-1"},
        mixinStandardHelpOptions = true)
public final class AgentCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, paramLabel = "PORT",
            description = "Port of the control API; 0 picks a free one (printed on start).")
    int port;
    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 inside a container).")
    String bind;
    @Option(names = "--id", paramLabel = "NAME", description = "Name in status and results (default: agent-HOST-PID).")
    String id;
    @Option(names = "--exit-on-stdin-eof",
            description = "Exit when stdin reaches end of file: a child agent then dies with its orchestrator, even after kill -9.")
    boolean exitOnStdinEof;
    @picocli.CommandLine.Mixin
    MetricsOptions metrics = new MetricsOptions();

    /** The {@code cell} label of an agent's metrics. */
    static final String METRICS_CELL = "agent";

    private final PrintStream out;
    private final InputStream in;

    public AgentCommand() {
        this(System.out, System.in);
    }

    AgentCommand(PrintStream out, InputStream in) {
        this.out = out;
        this.in = in;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is out of range; allowed 0..65535");
        }
        String name = id != null ? id : "agent-" + host() + "-" + ProcessHandle.current().pid();
        // The agent has no matrix: every plan counts under one cell label, the agent's name is the run.
        RunMetrics live = new RunMetrics(name);
        live.cellStarted(METRICS_CELL, 0);
        IntervalRecorder recorder = IntervalRecorder.streaming(METRICS_CELL, null, 0, java.util.List.of());
        AgentServer server;
        try {
            server = AgentServer.start(bind, port, name, Main.version(), metrics.port == null ? detail -> { }
                    : detail -> live.interval(METRICS_CELL, detail.figures().nodeSuccesses().size(),
                    recorder.add(detail, java.util.List.of())));
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.PORT_IN_USE, "cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + ". Fix: choose another --port, or --port 0 for a free one.", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        MetricsEndpoint endpoint = startMetrics(live, server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (endpoint != null) endpoint.close();
            server.close();
            stopped.countDown();
        }, "agent-shutdown"));
        // Launchers wait for this line: it carries the bound port when --port 0 was given.
        out.println("repram-orchestrate agent " + name + " listening on http://" + bind + ":" + server.port());
        out.flush();
        if (exitOnStdinEof) watchStdin();
        stopped.await();
        return ExitCodes.OK;
    }

    /** The endpoint of --metrics-port (null without it); the control API closes when it cannot start. */
    private MetricsEndpoint startMetrics(RunMetrics live, AgentServer server) {
        try {
            return metrics.start(live.registry(), new java.io.PrintWriter(out, true));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void watchStdin() {
        Thread watcher = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // The orchestrator never writes; anything read is ignored.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as EOF.
            }
            System.exit(0);
        }, "agent-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
