package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.results.RunResults;
import io.repram.orchestrate.results.CellResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Pairs the cells of two runs by their parameters and measures how each headline metric moved. */
public final class RunComparator {

    public static final double DEFAULT_NOISE_PERCENT = 5.0;

    private RunComparator() {
    }

    public static Comparison compare(RunResults a, RunResults b, double noisePercent) {
        return compare(a, b, noisePercent, MinEffect.DEFAULT);
    }

    /** @param minEffect the smallest change of req/s or p99 that counts, however certain */
    public static Comparison compare(RunResults a, RunResults b, double noisePercent, MinEffect minEffect) {
        Map<CellKey, CellResult> cellsA = byKey(a);
        Map<CellKey, CellResult> cellsB = byKey(b);
        List<CellComparison> matched = new ArrayList<>();
        List<CellKey> onlyInA = new ArrayList<>();
        cellsA.forEach((key, cellA) -> {
            CellResult cellB = cellsB.get(key);
            if (cellB == null) {
                onlyInA.add(key);
            } else {
                matched.add(CellComparison.of(key, cellA, cellB, IntervalCsvReader.readCell(a.dir().path(), cellA.cell().id()),
                        IntervalCsvReader.readCell(b.dir().path(), cellB.cell().id()), noisePercent, minEffect));
            }
        });
        List<CellKey> onlyInB = cellsB.keySet().stream().filter(k -> !cellsA.containsKey(k)).toList();
        return new Comparison(a, b, noisePercent, minEffect, matched, onlyInA, onlyInB, environment(a.runInfo(), b.runInfo()));
    }

    private static Map<CellKey, CellResult> byKey(RunResults run) {
        Map<CellKey, CellResult> out = new LinkedHashMap<>();
        for (CellResult r : run.cells()) {
            out.put(CellKey.of(r.cell(), run.runInfo().scenario()), r);
        }
        return out;
    }

    static List<String> environment(RunInfo a, RunInfo b) {
        List<String> out = new ArrayList<>();
        if (a.cores() != b.cores()) {
            out.add("CPU cores differ: " + a.cores() + " in A, " + b.cores() + " in B");
        }
        if (!Objects.equals(a.imageId(), b.imageId())) {
            out.add("node image differs: " + a.imageId() + " in A, " + b.imageId() + " in B");
        }
        if (!Objects.equals(a.driver(), b.driver())) {
            out.add("driver differs: " + a.driver() + " in A, " + b.driver() + " in B");
        }
        return out;
    }
}
