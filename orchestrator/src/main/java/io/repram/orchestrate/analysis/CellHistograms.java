package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.HlogWriter;
import io.repram.orchestrate.results.ResultsException;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A cell's whole-window PUT and GET latency histograms (nanoseconds), the sums of the interval
 * histograms in its {@code <cell>.hlog}.
 */
public record CellHistograms(Histogram put, Histogram get) {

    /** The cell's histograms, or empty when it has no .hlog (no measured interval, or an older version). */
    public static Optional<CellHistograms> readCell(Path resultsDir, String cellId) {
        Path file = HlogWriter.file(resultsDir, cellId);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    public static CellHistograms read(Path file) {
        // Auto-resizing, so intervals recorded with any range add up without loss.
        Histogram put = new Histogram(3);
        Histogram get = new Histogram(3);
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                if (!(h instanceof Histogram interval)) continue;
                if (HlogWriter.PUT_TAG.equals(interval.getTag())) put.add(interval);
                else if (HlogWriter.GET_TAG.equals(interval.getTag())) get.add(interval);
            }
        } catch (IOException | RuntimeException e) {
            throw new ResultsException("cannot read " + file + ": " + e.getMessage()
                    + " (expected the HdrHistogram log `run` writes, see docs/results.md)", e);
        }
        return new CellHistograms(put, get);
    }
}
