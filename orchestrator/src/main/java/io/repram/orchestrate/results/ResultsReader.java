package io.repram.orchestrate.results;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a results directory back from run.json and the per-cell JSON files, never from Docker:
 * to re-render its report, or to skip the finished cells on --resume.
 */
public final class ResultsReader {

    private static final Pattern CELL_FILE = Pattern.compile("\\d+nodes_\\d+conc_\\d+bytes\\.json");

    private ResultsReader() {
    }

    public static RunResults read(Path dir) {
        ResultsDir results = ResultsDir.open(dir);
        RunInfo info = ResultsJson.read(results.runJson(), RunInfo.class, SchemaV1::upgradeRun);
        List<CellResult> cells = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> CELL_FILE.matcher(p.getFileName().toString()).matches())) {
            for (Path f : files) {
                cells.add(ResultsJson.read(f, CellFile.class, SchemaV1::upgradeCell).result());
            }
        } catch (IOException e) {
            throw new ResultsException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        cells.sort(Comparator.comparingInt(c -> c.cell().index()));
        return new RunResults(results, info, cells, SearchFiles.read(dir));
    }
}
