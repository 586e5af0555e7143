package io.repram.dashboard;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import io.repram.dashboard.model.DashboardSnapshot;
import io.repram.dashboard.render.DashboardRenderer;
import io.repram.dashboard.render.ViewState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The full-screen live dashboard. The run loop calls {@link #update} with a fresh snapshot whenever
 * it likes; a render thread of its own draws the latest one at a fixed frame rate and reads keys,
 * so drawing never slows the load. {@link #close} restores the terminal and may be called any
 * number of times, from any thread, including a shutdown hook.
 */
public final class Dashboard implements AutoCloseable {

    public static final Duration DEFAULT_FRAME_INTERVAL = Duration.ofMillis(250);
    /** Keys are read this often, between frames, so they feel immediate. */
    private static final long INPUT_POLL_MILLIS = 40;
    private static final long CLOSE_WAIT_MILLIS = 1000;

    private final Terminal terminal;
    private final boolean ownsTerminal;
    private final TerminalScreen screen;
    private final DashboardListener listener;
    private final long frameIntervalNanos;
    private final AtomicReference<Handed> latest = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReentrantLock screenLock = new ReentrantLock();
    private final Thread renderThread;
    private volatile Thread shutdownHook;
    private volatile ConsoleCapture capture;

    // Touched by the render thread only.
    private boolean helpShown;
    private boolean quitRequested;
    private int skipRequestedAt = -1;

    private Dashboard(Terminal terminal, boolean ownsTerminal, DashboardListener listener, Duration frameInterval)
            throws IOException {
        this.terminal = terminal;
        this.ownsTerminal = ownsTerminal;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.frameIntervalNanos = frameInterval.toNanos();
        this.screen = new TerminalScreen(terminal);
        screen.startScreen();
        screen.setCursorPosition(null);
        this.renderThread = new Thread(this::renderLoop, "repram-dashboard");
        renderThread.setDaemon(true);
    }

    /** Opens the dashboard on {@code terminal} at 4 frames per second. The caller keeps owning the terminal. */
    public static Dashboard open(Terminal terminal, DashboardListener listener) throws IOException {
        return open(terminal, listener, DEFAULT_FRAME_INTERVAL);
    }

    public static Dashboard open(Terminal terminal, DashboardListener listener, Duration frameInterval)
            throws IOException {
        if (frameInterval.isNegative() || frameInterval.isZero()) {
            throw new IllegalArgumentException("frameInterval must be positive, got " + frameInterval);
        }
        Dashboard dashboard = new Dashboard(terminal, false, listener, frameInterval);
        dashboard.renderThread.start();
        return dashboard;
    }

    /**
     * Opens the dashboard on the process's own terminal (text only, never a Swing window). Ctrl-C
     * still raises SIGINT, so the application's shutdown hooks run; a hook registered here restores
     * the terminal in that case. Callers decide beforehand whether stdout is an interactive terminal.
     */
    public static Dashboard openOnSystemTerminal(DashboardListener listener) throws IOException {
        return openOnSystemTerminal(listener, line -> { });
    }

    /**
     * As {@link #openOnSystemTerminal(DashboardListener)}, and while the screen is up every line
     * printed to {@code System.out} or {@code System.err} goes to {@code strayLines} instead of the
     * terminal (where it would scroll the screen); {@link #close} gives the streams back.
     */
    public static Dashboard openOnSystemTerminal(DashboardListener listener, Consumer<String> strayLines)
            throws IOException {
        Objects.requireNonNull(strayLines, "strayLines");
        // The terminal keeps the real System.out; the swap below only reroutes everybody else.
        Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.CTRL_C_KILLS_APPLICATION)
                .createTerminal();
        Dashboard dashboard;
        try {
            dashboard = new Dashboard(terminal, true, listener, DEFAULT_FRAME_INTERVAL);
        } catch (IOException | RuntimeException e) {
            terminal.close();
            throw e;
        }
        Thread hook = new Thread(dashboard::close, "repram-dashboard-restore-terminal");
        dashboard.shutdownHook = hook;
        Runtime.getRuntime().addShutdownHook(hook);
        dashboard.capture = ConsoleCapture.install(strayLines);
        dashboard.renderThread.start();
        return dashboard;
    }

    /** Hands over the figures to show next. Cheap and non-blocking; safe from any thread. */
    public void update(DashboardSnapshot snapshot) {
        latest.set(new Handed(Objects.requireNonNull(snapshot, "snapshot"), System.nanoTime()));
    }

    /** The error that stopped or disturbed rendering (e.g. the terminal went away), if any. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Whether the render thread, the only reader of keys, still runs; for tests of {@link #close}. */
    boolean rendering() {
        return renderThread.isAlive();
    }

    /** Stops rendering and restores the terminal: leaves the screen and private mode, shows the cursor. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != renderThread && renderThread.isAlive()) {
            try {
                renderThread.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean locked = false;
        try {
            // A render thread stuck writing to a dead terminal must not keep a shutdown hook waiting forever.
            locked = screenLock.tryLock(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            restoreTerminal();
        } finally {
            if (locked) {
                screenLock.unlock();
            }
            ConsoleCapture swapped = capture;
            if (swapped != null) {
                swapped.close();
            }
        }
        removeShutdownHook();
    }

    private void restoreTerminal() {
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        try {
            terminal.setCursorVisible(true);
            terminal.flush();
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        if (ownsTerminal) {
            try {
                terminal.close();
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The JVM is exiting anyway; the hook will find the dashboard closed and return.
        }
    }

    private void renderLoop() {
        long nextFrame = System.nanoTime();
        while (!closed.get()) {
            try {
                boolean changed = readKeys();
                long now = System.nanoTime();
                if (changed || now - nextFrame >= 0) {
                    drawFrame();
                    nextFrame = now + frameIntervalNanos;
                }
                Thread.sleep(INPUT_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                // The terminal is gone; nothing left to draw on. close() still tries to restore it.
                failure.compareAndSet(null, e);
                return;
            } catch (RuntimeException e) {
                // A rendering bug must not take the keys away: q has to keep working.
                failure.compareAndSet(null, e);
            }
        }
    }

    /** Returns whether the view changed and should be redrawn right away. */
    private boolean readKeys() throws IOException {
        boolean changed = false;
        KeyStroke key;
        while (!closed.get() && (key = screen.pollInput()) != null) {
            changed |= handle(key);
        }
        return changed;
    }

    private boolean handle(KeyStroke key) {
        if (key.getKeyType() == KeyType.Escape && helpShown) {
            helpShown = false;
            return true;
        }
        if (key.getKeyType() != KeyType.Character) {
            return false;
        }
        char c = Character.toLowerCase(key.getCharacter());
        if (c == 'c' && key.isCtrlDown() || c == 'q' && !key.isCtrlDown()) {
            quitRequested = true;
            notify(listener::onQuit);
            return true;
        }
        DashboardSnapshot current = shown();
        // monitor has no scenarios: s does nothing there rather than pretend to skip something.
        if (c == 's' && !key.isCtrlDown() && matrix(current)) {
            skipRequestedAt = current == null ? 0 : current.scenarioIndex();
            notify(listener::onSkip);
            return true;
        }
        if (c == '?') {
            helpShown = !helpShown;
            return true;
        }
        return false;
    }

    private void notify(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void drawFrame() throws IOException {
        screenLock.lock();
        try {
            if (closed.get()) {
                return;
            }
            TerminalSize resized = screen.doResizeIfNecessary();
            DashboardSnapshot snapshot = shown();
            DashboardRenderer.render(screen.newTextGraphics(), snapshot, new ViewState(helpShown, notice(snapshot),
                    matrix(snapshot)));
            screen.refresh(resized != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        } finally {
            screenLock.unlock();
        }
    }

    /** A snapshot and when it was handed over. */
    private record Handed(DashboardSnapshot snapshot, long atNanos) {
    }

    /** The latest snapshot, its clocks moved on by the time since it came; null before the first. */
    private DashboardSnapshot shown() {
        Handed h = latest.get();
        return h == null ? null : h.snapshot().aged(Duration.ofNanos(System.nanoTime() - h.atNanos()));
    }

    private boolean matrix(DashboardSnapshot snapshot) {
        return snapshot == null ? listener.hasScenarios() : snapshot.hasMatrix();
    }

    private String notice(DashboardSnapshot snapshot) {
        if (quitRequested) {
            return matrix(snapshot) ? "Stopping: writing finished results, tearing down the cluster..."
                    : "Stopping; the cluster keeps running...";
        }
        if (skipRequestedAt >= 0 && snapshot != null && snapshot.hasMatrix()
                && snapshot.scenarioIndex() == skipRequestedAt) {
            return "Skipping scenario " + skipRequestedAt + "...";
        }
        return "";
    }
}
