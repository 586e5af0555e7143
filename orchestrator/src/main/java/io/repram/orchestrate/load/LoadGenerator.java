package io.repram.orchestrate.load;

import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.LoadFigures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Drives HTTP load at REPRAM nodes: PUTs of pre-generated payloads and GETs of keys this run wrote,
 * over keep-alive connections on one or two non-blocking I/O threads. Closed loop (workers back to
 * back) or open loop (constant arrival rate, latency from the intended start). The thread calling
 * {@link #run} collects the figures about once a second.
 */
public final class LoadGenerator implements CellLoad {

    /** System property to override the number of I/O threads (for tuning). */
    public static final String IO_THREADS_PROPERTY = "repram.load.ioThreads";
    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final long JOIN_MILLIS = 5_000;

    private final LoadSpec spec;
    private final List<Target> targets;
    private final int ioThreads;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final List<IoLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Payloads payloads;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long windowCpuStart = -1;
    private long windowStartNanos;
    private volatile GeneratorCpu measuredCpu;

    public LoadGenerator(LoadSpec spec) {
        this(spec, defaultIoThreads());
    }

    LoadGenerator(LoadSpec spec, int ioThreads) {
        this.spec = spec;
        this.targets = spec.targets().stream().map(Target::of).toList();
        this.ioThreads = Math.max(1, Math.min(ioThreads, spec.concurrency()));
        // Generated here, not in run(): tens of MB of payload take long enough to eat into a short window.
        this.payloads = new Payloads(spec.payloadBytes(), spec.seed());
    }

    private static int defaultIoThreads() {
        int fallback = Math.min(2, Runtime.getRuntime().availableProcessors());
        return Integer.getInteger(IO_THREADS_PROPERTY, fallback);
    }

    /**
     * Runs the warm-up and then the measured window, or until {@link #stop()}; blocks until then.
     *
     * @param onInterval called on this thread about once a second, and at the end of the warm-up
     *                   and of the run; {@code warmup} marks intervals that the result leaves out
     * @return the measured window (warm-up excluded); after {@link #stop()}, the figures so far
     */
    @Override
    public LoadFigures run(Consumer<IntervalFigures> onInterval) {
        return runDetailed(detail -> onInterval.accept(detail.figures()));
    }

    /**
     * As {@link #run}, with each interval's histograms and op counts too (for load agents). The
     * detail's histograms are only valid during the callback.
     */
    @Override
    public LoadFigures runDetailed(Consumer<IntervalDetail> onInterval) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a LoadGenerator runs once; create a new one");
        }
        long startNanos = System.nanoTime();
        startLoops(startNanos);
        if (spec.warmup().isZero()) markWindowStart(startNanos);
        List<LoopStats> stats = loops.stream().map(IoLoop::stats).toList();
        FiguresCollector collector = new FiguresCollector(stats, spec.targets().stream().map(Object::toString).toList(),
                spec.sentNodes());
        long warmupEnd = startNanos + spec.warmup().toNanos();
        long end = warmupEnd + spec.duration().toNanos();
        boolean warming = warmupEnd > startNanos;
        long measureStart = startNanos;
        long lastTick = startNanos;
        long nextTick = startNanos + SECOND_NANOS;
        try {
            while (true) {
                long boundary = Math.min(nextTick, warming ? warmupEnd : end);
                boolean stopped = awaitStop(boundary - System.nanoTime());
                long now = System.nanoTime();
                checkLoops();
                if (stopped || now - end >= 0) {
                    if (!warming) markWindowEnd(now);
                    stopLoops();
                    now = System.nanoTime();
                    onInterval.accept(collector.interval(System.currentTimeMillis(), seconds(now - lastTick), warming));
                    return collector.totals(warming ? 0 : seconds(now - measureStart));
                }
                if (warming && now - warmupEnd >= 0) {
                    onInterval.accept(collector.interval(System.currentTimeMillis(), seconds(now - lastTick), true));
                    warming = false;
                    markWindowStart(now);
                    measureStart = now;
                    lastTick = now;
                    nextTick = now + SECOND_NANOS;
                } else if (now - nextTick >= 0) {
                    onInterval.accept(collector.interval(System.currentTimeMillis(), seconds(now - lastTick), warming));
                    lastTick = now;
                    nextTick += SECOND_NANOS;
                    if (nextTick - now <= 0) {
                        nextTick = now + SECOND_NANOS;
                    }
                }
            }
        } finally {
            stopLoops();
        }
    }

    /**
     * The PUTs answered 201 over the whole run, latest acknowledgement per key. Call after {@link #run} returned: the
     * I/O threads have ended then, so their records are complete and safely visible.
     */
    @Override
    public synchronized AcknowledgedWrites acknowledgedWrites() {
        if (!started.get()) {
            throw new IllegalStateException("acknowledgedWrites() is only known after run()");
        }
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                throw new IllegalStateException("the load is still running; call acknowledgedWrites() after run() returned");
            }
        }
        return AcknowledgedWrites.of(loops.stream().map(IoLoop::acknowledged).toList(), payloads,
                spec.keySpace(), spec.ttlSeconds());
    }

    /**
     * The I/O threads' CPU over the measured window, once {@link #run} returned; null before, or
     * when the run ended in its warm-up or the JVM cannot measure thread CPU time.
     */
    public GeneratorCpu measuredCpu() {
        return measuredCpu;
    }

    private void markWindowStart(long now) {
        windowStartNanos = now;
        windowCpuStart = ioCpuNanos();
    }

    private void markWindowEnd(long now) {
        long cpu = ioCpuNanos();
        if (windowCpuStart >= 0 && cpu >= 0) measuredCpu = new GeneratorCpu(threads.size(), cpu - windowCpuStart, now - windowStartNanos);
    }

    /** Sum of the live I/O threads' CPU time; -1 when unsupported or a thread has ended. */
    private long ioCpuNanos() {
        if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) return -1;
        long sum = 0;
        for (Thread t : threads) {
            long ns = THREADS.getThreadCpuTime(t.getId());
            if (ns < 0) return -1;
            sum += ns;
        }
        return sum;
    }

    /** Ends a running {@link #run} early; it returns the figures measured so far. Any thread. */
    @Override
    public void stop() {
        stopSignal.countDown();
    }

    @Override
    public void close() {
        stop();
        stopLoops();
    }

    private void startLoops(long startNanos) {
        int loopCount = ioThreads;
        List<List<Integer>> connectionTargets = new ArrayList<>();
        for (int i = 0; i < loopCount; i++) {
            connectionTargets.add(new ArrayList<>());
        }
        // Connection j belongs to loop j % loops and goes to node j % nodes, so the nodes' shares of
        // the connections differ by at most one. (j / loops + j % loops) % nodes, used before, gave
        // 3 workers on 3 nodes as 1, 2 and none: a node never sent a request, reported at 0 % available.
        for (int j = 0; j < spec.concurrency(); j++) {
            connectionTargets.get(j % loopCount).add(j % targets.size());
        }
        for (int i = 0; i < loopCount; i++) {
            OpenLoopSchedule schedule = null;
            if (spec.openLoop()) {
                // Loops interleave: loop i takes arrivals i, i + loops, i + 2 loops, ...
                double rate = spec.ratePerSecond();
                schedule = new OpenLoopSchedule(startNanos + (long) (i * 1e9 / rate), rate / loopCount);
            }
            // Agents share one seed (so payloads match) but not their key ranges: mix the offset in.
            long loopSeed = spec.seed() * 31 + i + 1 + spec.keyOffset() * 1_000_003L;
            int[] nodes = connectionTargets.get(i).stream().mapToInt(Integer::intValue).toArray();
            loops.add(new IoLoop(spec, targets, nodes, payloads, loopSeed, schedule, startNanos));
        }
        for (int i = 0; i < loopCount; i++) {
            Thread thread = new Thread(loops.get(i), "loadgen-io-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private boolean awaitStop(long nanos) {
        if (nanos <= 0) {
            return stopSignal.getCount() == 0;
        }
        try {
            return stopSignal.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void checkLoops() {
        for (IoLoop loop : loops) {
            Throwable crash = loop.crash();
            if (crash != null) {
                throw new IllegalStateException("load generator I/O thread failed: " + crash, crash);
            }
        }
    }

    private synchronized void stopLoops() {
        for (IoLoop loop : loops) {
            loop.requestStop();
        }
        for (Thread thread : threads) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
