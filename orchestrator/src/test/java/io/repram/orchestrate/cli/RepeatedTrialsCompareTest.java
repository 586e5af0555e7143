package io.repram.orchestrate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known truths for repeated trials end to end (process driver): two runs of the same scenario on
 * this machine are not told apart, and a run with every core kept busy by a CPU burner is a
 * significant throughput regression.
 *
 * <p>The machine is shared (other builds, other tests), so its load can change between runs A and B
 * by more than between trials of one run. The test therefore states its effect size: a change counts
 * from 25% on ({@code --min-effect 25%}); the burner (2 × cores spinning threads in this JVM, which
 * also drives the load) costs the cell far more than that. Over 4 trials a side, an interval excludes
 * zero only when all four trials of one side beat all four of the other: with no change, 2 of the 70
 * orderings (2.9%) for each metric of each cell (RankShiftTest measures that rate). With two cells of
 * two metrics, one false alarm in the idle pair has a chance of about 11% and is allowed; two cells
 * flagged, under 0.5% with no change, fail the test. An idle cell's p99 is under a millisecond, where
 * such load moved it by +33% between two otherwise equal runs; the default 1 ms floor on p99 changes
 * ({@code --min-effect-ms}) keeps that quiet.
 */
class RepeatedTrialsCompareTest {

    private static final String MIN_EFFECT = "25%";

    @TempDir
    Path tmp;

    private Path run(String name) throws Exception {
        Path parent = tmp.resolve(name);
        Captured console = new Captured();
        Path scenario = Path.of(RepeatedTrialsCompareTest.class.getResource("/cli/trials-pair.yaml").toURI());
        int code = console.run(new RunCommand(), scenario.toString(), "--driver", "process", "--ci",
                "--results-dir", parent.toString());
        assertEquals(ExitCodes.OK, code, console.toString());
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.findFirst().orElseThrow();
        }
    }

    private static Captured compare(Path a, Path b, Path out) {
        Captured console = new Captured();
        console.run(new CompareCommand(), a.toString(), b.toString(), "--min-effect", MIN_EFFECT, "--out", out.toString());
        return console;
    }

    /** The verdict column of each compared cell in comparison.md. */
    private static List<String> verdicts(Path out) throws Exception {
        List<String> verdicts = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("comparison.md"))) {
            if (line.startsWith("| 1nodes_")) {
                String[] cols = line.split("\\|");
                verdicts.add(cols[cols.length - 1].trim());
            }
        }
        return verdicts;
    }

    @Test
    void sameScenarioTwiceIsNoSignificantChangeAndABurnerIsARegression() throws Exception {
        Path a = run("a");
        JsonNode cell = new ObjectMapper().readTree(a.resolve("1nodes_4conc_512bytes.json").toFile());
        assertEquals(4, cell.path("result").path("trials").path("trials").size(), cell.toString());
        assertTrue(Files.isRegularFile(a.resolve("1nodes_4conc_512bytes_trial4_intervals.csv")));

        Path b = run("b");
        Path ab = tmp.resolve("ab");
        Captured same = compare(a, b, ab);
        List<String> sameVerdicts = verdicts(ab);
        assertEquals(2, sameVerdicts.size(), Files.readString(ab.resolve("comparison.md")));
        long quiet = sameVerdicts.stream().filter(v -> v.equals("no significant change")).count();
        assertTrue(quiet >= sameVerdicts.size() - 1, "idle pair: " + sameVerdicts + "\n" + Files.readString(ab.resolve("comparison.md")));
        assertTrue(Files.readString(ab.resolve("comparison.md")).contains("4 trials"), "trials per side are stated");

        Path c;
        AtomicBoolean burning = new AtomicBoolean(true);
        List<Thread> burners = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
                Thread t = new Thread(() -> {
                    long x = 0;
                    while (burning.get()) x += System.nanoTime() % 7;
                    if (x == 42) System.out.print("");
                }, "cpu-burner-" + i);
                t.setDaemon(true);
                t.start();
                burners.add(t);
            }
            c = run("c");
        } finally {
            burning.set(false);
            for (Thread t : burners) t.join(5_000);
        }
        Path ac = tmp.resolve("ac");
        Captured burnt = compare(a, c, ac);
        List<String> burntVerdicts = verdicts(ac);
        assertEquals(2, burntVerdicts.size());
        assertTrue(burntVerdicts.stream().allMatch(v -> v.contains("REGRESSION") && v.contains("req/s -")),
                "burner: " + burntVerdicts + "\n" + Files.readString(ac.resolve("comparison.md")));
    }
}
