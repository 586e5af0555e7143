package io.repram.orchestrate.run;

import java.nio.file.Path;

/**
 * Where a run's live progress goes (the dashboard, progress lines): a {@link RunListener} that
 * the session closes before the reports are written, so a full-screen view is gone by then.
 */
public interface RunDisplay extends RunListener, AutoCloseable {

    /**
     * Opens the display of one run; {@code control} is for its keys (quit, skip). A display that
     * takes the terminal over keeps its log ({@code run.log}) in {@code resultsDir}.
     */
    @FunctionalInterface
    interface Factory {
        RunDisplay open(String runName, Path resultsDir, int cellCount, RunControl control);
    }

    /** Restores whatever the display took over (the terminal). Never throws; called once or more. */
    @Override
    default void close() {
    }

}
