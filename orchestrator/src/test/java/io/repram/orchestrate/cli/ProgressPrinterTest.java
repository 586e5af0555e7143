package io.repram.orchestrate.cli;

import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.run.LiveSnapshot;
import io.repram.orchestrate.scenario.Cell;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressPrinterTest {

    @Test
    void measuredLinesCountTimeAndRequestsFromTheStartOfTheMeasuredWindow() {
        StringWriter text = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text, true), 5);
        Cell cell = new Cell(0, 1, 10, 1024);
        printer.cellStarted(cell, 1, 1);
        long requests = 0;
        // 5 s of warm-up at 50 req/s, then 10 s measured at 100 req/s; the snapshot's counts are measured only.
        for (int second = 1; second <= 15; second++) {
            boolean warmup = second <= 5;
            IntervalFigures iv = new IntervalFigures(0, 1.0, warmup ? 50 : 100, warmup ? 50 : 100, 0, 100, 200,
                    warmup, Map.of());
            if (!warmup) requests += 100;
            printer.live(new LiveSnapshot(cell, 1, 1, second * 1000L, second * 1000L, 0, 0, iv, requests, requests,
                    List.of()));
        }
        String[] lines = text.toString().split("\\R");
        assertEquals(4, lines.length, text.toString());
        assertEquals("Warm-up (not counted): 5s into the cell, 50.00 req/s in the last interval", lines[1]);
        assertEquals("Progress, measured 5s: 500 requests (500 successful, 0 failed), avg 100.00 req/s since the "
                + "measured window began, 100.00 req/s in the last interval", lines[2]);
        assertEquals("Progress, measured 10s: 1000 requests (1000 successful, 0 failed), avg 100.00 req/s since the "
                + "measured window began, 100.00 req/s in the last interval", lines[3]);
    }
}
