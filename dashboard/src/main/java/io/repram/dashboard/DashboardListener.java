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

    /**
     * Whether there are scenarios to skip ({@code run}); {@code monitor} answers false, so that even
     * the frames before its first figures show only its own keys, and {@code s} does nothing.
     */
    default boolean hasScenarios() {
        return true;
    }
}
