package io.repram.orchestrate.run;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.results.SearchResult;
import io.repram.orchestrate.scenario.Cell;

import java.util.List;

/** Hands every call to each listener in turn: the display first, then the recorders. */
final class FanOutListener implements RunListener {
    private final List<RunListener> listeners;

    FanOutListener(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void runStarted(String runId) {
        for (RunListener l : listeners) l.runStarted(runId);
    }

    @Override
    public void cellStarted(Cell cell, int position, int total) {
        for (RunListener l : listeners) l.cellStarted(cell, position, total);
    }

    @Override
    public void live(LiveSnapshot snapshot) {
        for (RunListener l : listeners) l.live(snapshot);
    }

    @Override
    public void interval(Cell cell, IntervalRecord record) {
        for (RunListener l : listeners) l.interval(cell, record);
    }

    @Override
    public void cellFinished(CellResult result) {
        for (RunListener l : listeners) l.cellFinished(result);
    }

    @Override
    public void searchProgress(SearchResult search) {
        for (RunListener l : listeners) l.searchProgress(search);
    }

    @Override
    public void paused(String why) {
        for (RunListener l : listeners) l.paused(why);
    }

    @Override
    public void event(String message) {
        for (RunListener l : listeners) l.event(message);
    }
}
