package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.engine.AgentEndpoint;
import io.repram.orchestrate.load.AcknowledgedWrites;
import io.repram.orchestrate.load.CellLoad;
import io.repram.orchestrate.load.IntervalDetail;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.results.AgentShare;
import io.repram.orchestrate.results.LoadFigures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One cell's load spread over distributed agents: splits connections and rate, posts each agent
 * its plan, polls their intervals about once a second and merges them into the same figures the
 * in-process generator produces, plus each agent's share. Runs once.
 */
public final class DistributedLoad implements CellLoad {

    private static final long POLL_MILLIS = 1000;
    /** Consecutive failed polls of one agent before the cell is given up. */
    private static final int MAX_POLL_FAILURES = 5;
    /** Time past the plan's end before agents that have not finished count as hung. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final LoadSpec spec;
    private final List<AgentClient> clients = new ArrayList<>();
    private final List<LoadPlan> plans;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private List<AgentShare> shares = List.of();
    private boolean started;

    /**
     * @param spec        the cell's whole load (its targets are ignored: each agent gets its own view)
     * @param targetNodes how many nodes, from node 0, the load goes to (all, or 1 for targets: first)
     * @throws IllegalArgumentException when the load cannot be split, e.g. fewer connections than agents
     */
    public DistributedLoad(List<AgentEndpoint> agents, LoadSpec spec, int targetNodes) {
        if (agents.isEmpty()) throw new IllegalArgumentException("distributed load needs at least one agent");
        this.spec = spec;
        this.plans = plans(agents, spec, targetNodes);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (AgentEndpoint a : agents) clients.add(new AgentClient(http, a));
    }

    /**
     * Each agent's plan: connections, rate and key range split evenly, the remainder to the first
     * agents; the rest of the spec as it is.
     */
    static List<LoadPlan> plans(List<AgentEndpoint> agents, LoadSpec spec, int targetNodes) {
        int n = agents.size();
        if (spec.concurrency() < n) {
            throw new IllegalArgumentException("concurrency " + spec.concurrency() + " is less than the " + n
                    + " load agents: every agent needs at least one connection; use fewer agents or more workers");
        }
        if (spec.openLoop() && spec.ratePerSecond() < n) {
            throw new IllegalArgumentException("rate " + spec.ratePerSecond() + " req/s is less than the " + n
                    + " load agents: every agent needs at least 1 req/s; use fewer agents or a higher rate");
        }
        List<LoadPlan> plans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<URI> targets = agents.get(i).nodeTargets();
            if (targets.size() < targetNodes) {
                throw new IllegalArgumentException("load agent " + i + " knows " + targets.size()
                        + " node URL(s), but the load goes to " + targetNodes);
            }
            Integer rate = spec.openLoop() ? Integer.valueOf(split(spec.ratePerSecond(), n, i)) : null;
            plans.add(LoadPlan.of(new LoadSpec(targets.subList(0, targetNodes), spec.workload().withRatePerSecond(rate),
                    split(spec.concurrency(), n, i), spec.payloadBytes(), spec.warmup(), spec.duration(),
                    spec.requestTimeout(), spec.seed(), spec.keyRange().slice(i, n))));
        }
        return plans;
    }

    private static int split(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    public List<LoadPlan> plans() {
        return plans;
    }

    @Override
    public LoadFigures runDetailed(Consumer<IntervalDetail> onInterval) {
        if (started) throw new IllegalStateException("a DistributedLoad runs once; create a new one");
        started = true;
        int n = clients.size();
        List<Integer> cores = new ArrayList<>();
        int[] runs = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                cores.add(clients.get(i).status().cores());
                runs[i] = clients.get(i).post(plans.get(i));
            }
        } catch (IOException e) {
            clients.forEach(AgentClient::stop);
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            clients.forEach(AgentClient::stop);
            throw e;
        }
        IntervalMerger merger = new IntervalMerger(n);
        poll(merger, runs, onInterval);
        shares = AgentShares.of(clients.stream().map(AgentClient::endpoint).toList(), plans, cores, merger);
        return merger.totals();
    }

    private void poll(IntervalMerger merger, int[] runs, Consumer<IntervalDetail> onInterval) {
        int n = clients.size();
        long[] seen = new long[n];
        int[] failures = new int[n];
        boolean[] finished = new boolean[n];
        long deadline = System.nanoTime() + spec.warmup().plus(spec.duration()).plus(GRACE).toNanos();
        boolean stopSent = false;
        while (true) {
            boolean stopRequested = await(POLL_MILLIS);
            if (stopRequested && !stopSent) {
                clients.forEach(AgentClient::stop);
                stopSent = true;
            }
            int done = 0;
            for (int i = 0; i < n; i++) {
                if (finished[i]) {
                    done++;
                    continue;
                }
                AgentClient c = clients.get(i);
                AgentWire.Intervals page;
                try {
                    page = c.intervalsAfter(seen[i]);
                    failures[i] = 0;
                } catch (IOException e) {
                    if (++failures[i] >= MAX_POLL_FAILURES) fail(e.getMessage() + " (" + failures[i] + " polls in a row)");
                    continue;
                }
                if (page.run() != runs[i]) fail(c.describe() + " runs plan " + page.run() + ", not ours (" + runs[i]
                        + "); is another orchestrator using it?");
                for (AgentWire.Interval iv : page.intervals()) {
                    if (iv.seq() != seen[i] + 1 && seen[i] != 0) {
                        fail(c.describe() + " dropped intervals " + (seen[i] + 1) + ".." + (iv.seq() - 1));
                    }
                    merger.add(i, iv);
                    seen[i] = iv.seq();
                }
                if (page.state() == AgentWire.State.failed) fail(c.describe() + " failed: " + page.error());
                if (page.state() == AgentWire.State.done) {
                    finished[i] = true;
                    done++;
                }
            }
            merger.flush(onInterval);
            if (done == n) return;
            if (System.nanoTime() - deadline > 0) {
                fail("load agents did not finish within " + GRACE.toSeconds() + " s after the end of the cell");
            }
        }
    }

    private void fail(String message) {
        clients.forEach(AgentClient::stop);
        throw new IllegalStateException(message);
    }

    private boolean await(long millis) {
        try {
            return stopSignal.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Each agent's share of the measured window; empty before {@link #run} returned. */
    public List<AgentShare> shares() {
        return shares;
    }

    /** The agents' own totals of the last run, for cross-checks. */
    public List<AgentWire.Result> agentResults() throws IOException {
        List<AgentWire.Result> results = new ArrayList<>();
        for (AgentClient c : clients) results.add(c.result());
        return results;
    }

    /** Every agent's acknowledged writes, fetched from the agents; their payloads regenerated from the seed. */
    @Override
    public AcknowledgedWrites acknowledgedWrites() {
        List<AcknowledgedWrites.Write> all = new ArrayList<>();
        for (AgentClient c : clients) {
            try {
                all.addAll(c.writes().writes());
            } catch (IOException e) {
                throw new IllegalStateException("cannot fetch the acknowledged writes: " + e.getMessage(), e);
            }
        }
        return AcknowledgedWrites.merged(all, spec.payloadBytes(), spec.seed());
    }

    @Override
    public void stop() {
        stopSignal.countDown();
    }

    /** Stops the agents' runs if still going; the agents themselves belong to their launcher. */
    @Override
    public void close() {
        if (started) clients.forEach(AgentClient::stop);
    }
}
