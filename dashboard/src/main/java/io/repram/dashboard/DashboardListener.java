package io.repram.dashboard;

/**
 * What the user asked for with a key. Called on the dashboard's render thread: return quickly
 * (set a flag, signal the run loop) and do the work elsewhere.
 */
public interface DashboardListener {

    /** {@code q} (or Ctrl-C when the terminal delivers it as a key): stop gracefully. Called on every press. */
    void onQuit();

    /** {@code s}: skip the current scenario. */
    void onSkip();
}
