package io.repram.orchestrate.run;

import io.repram.orchestrate.results.IntervalLogStream;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.scenario.Cell;

/** {@code run --out ndjson=FILE}: each interval of every cell as one flushed JSON line. */
public final class IntervalStreamListener implements RunListener, AutoCloseable {
    private final IntervalLogStream stream;

    public IntervalStreamListener(IntervalLogStream stream) {
        this.stream = stream;
    }

    @Override
    public void interval(Cell cell, IntervalRecord record) {
        stream.write(cell.id(), cell.clusterSize(), record);
    }

    @Override
    public void close() {
        stream.close();
    }
}
