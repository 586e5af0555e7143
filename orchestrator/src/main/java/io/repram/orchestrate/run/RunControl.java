package io.repram.orchestrate.run;

import java.time.Duration;

/**
 * Lets other threads steer a running matrix: the dashboard's `q` and `s` keys and the Ctrl-C hook.
 * Quitting stops the running cell's load at once; results of finished cells are already on disk.
 */
public final class RunControl {
    private volatile boolean quit;
    private volatile boolean skip;
    private volatile Runnable stopCurrentLoad = () -> { };
    private final Object sleeper = new Object();

    /** Stop after the current step: the running cell is abandoned, the cluster torn down. */
    public void quit() {
        quit = true;
        stopCurrentLoad.run();
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    /** End the running cell now and move on to the next one. */
    public void skip() {
        skip = true;
        stopCurrentLoad.run();
    }

    public boolean quitRequested() {
        return quit;
    }

    /** True once per skip request. */
    boolean consumeSkip() {
        boolean s = skip;
        skip = false;
        return s;
    }

    void onStopLoad(Runnable stopper) {
        stopCurrentLoad = stopper;
        if (quit) stopper.run();
    }

    /** Sleeps for a cooldown; returns early when quit is requested. */
    void sleep(Duration d) throws InterruptedException {
        long deadline = System.nanoTime() + d.toNanos();
        synchronized (sleeper) {
            while (!quit) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return;
                sleeper.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
