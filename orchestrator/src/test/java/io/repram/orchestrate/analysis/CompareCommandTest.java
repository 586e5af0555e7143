package io.repram.orchestrate.analysis;

import io.repram.orchestrate.cli.CompareCommand;
import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.scenario.Matrix;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {

    static final Scenario SCENARIO = Fixtures.scenario(new Matrix(List.of(1, 3), List.of(10), List.of(1024)),
            Fixtures.workload());

    @TempDir
    Path tmp;

    /** A two-cell run; the 3-node cell's throughput is {@code rps3}. */
    Path run(String name, RunInfo info, double rps3) {
        return Fixtures.writeRun(tmp.resolve(name), LocalDateTime.of(2025, 1, 2, 3, 4, 5), info, List.of(
                new Fixtures.Spec(1, 10, 1024, 1000, 100, 2, 5),
                new Fixtures.Spec(3, 10, 1024, rps3, 100, 2, 5)), false).dir().path();
    }

    Path run(String name, double rps3) {
        return run(name, Fixtures.runInfo(SCENARIO, 2, "sha256:a", "docker"), rps3);
    }

    @Test
    void aTwentyPercentThroughputDropIsARegressionAndFailsTheBuild() throws IOException {
        Path a = run("a", 2000);
        Path b = run("b", 1600);
        Path out = tmp.resolve("cmp");
        CommandRun r = CommandRun.of(new CompareCommand(), a.toString(), b.toString(), "--fail-on-regression",
                "--out", out.toString());
        assertEquals(99, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("3nodes_10conc_1024bytes") && r.out().contains("-20.0%"), r.out());
        assertTrue(r.out().contains("REGRESSION (req/s -20.0%)"), r.out());
        assertTrue(r.out().contains("1 of 2 cells regressed"), r.out());
        String md = Files.readString(out.resolve("comparison.md"));
        assertTrue(md.contains("**REGRESSION (req/s -20.0%) (noise band only"), md);
        for (String link : ReportRenderingTest.links(md)) {
            assertTrue(Files.isRegularFile(out.resolve(link)), "comparison.md links to missing " + link);
        }
        assertNotNull(ImageIO.read(out.resolve("charts/compare_throughput.png").toFile()));

        CommandRun withoutFlag = CommandRun.of(new CompareCommand(), a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, withoutFlag.exitCode(), withoutFlag.err());
    }

    @Test
    void aTwoPercentDropIsNoise() {
        Path a = run("a", 2000);
        Path b = run("b", 1960);
        CommandRun r = CommandRun.of(new CompareCommand(), a.toString(), b.toString(), "--fail-on-regression");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("-2.0%") && r.out().contains("No regression in 2 compared cells"), r.out());
        assertTrue(Files.isRegularFile(b.resolve("comparison.md")), "defaults to RUN_B's directory");
        // A tighter noise threshold makes the same drop a regression.
        assertEquals(99, CommandRun.of(new CompareCommand(), a.toString(), b.toString(), "--noise", "1%",
                "--fail-on-regression").exitCode());
    }

    @Test
    void scenariosWithDifferentWorkloadsAreRefused() {
        Path a = run("a", 2000);
        Scenario otherMix = Fixtures.scenario(SCENARIO.matrix(), new Workload(50, 300, 1000, null, Workload.Targets.ALL));
        Path b = run("b", Fixtures.runInfo(otherMix, 2, "sha256:a", "docker"), 2000);
        CommandRun r = CommandRun.of(new CompareCommand(), a.toString(), b.toString(), "--fail-on-regression");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("nothing can be compared"), r.err());
        assertTrue(r.err().contains("Only in A:\n  1nodes_10conc_1024bytes (70% PUT, closed loop, targets all, 10s)"),
                r.err());
        assertTrue(r.err().contains("3nodes_10conc_1024bytes (50% PUT"), r.err());
        assertFalse(Files.exists(b.resolve("comparison.md")));
    }

    @Test
    void onlyMatchingCellsAreComparedAndEnvironmentChangesAreWarned() {
        Path a = run("a", 2000);
        Path b = Fixtures.writeRun(tmp.resolve("b"), LocalDateTime.of(2025, 1, 3, 3, 4, 5),
                Fixtures.runInfo(SCENARIO, 8, "sha256:b", "process"), List.of(
                        new Fixtures.Spec(3, 10, 1024, 2000, 100, 2, 5),
                        new Fixtures.Spec(5, 10, 1024, 2000, 100, 2, 5)), false).dir().path();
        CommandRun r = CommandRun.of(new CompareCommand(), a.toString(), b.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: CPU cores differ: 2 in A, 8 in B"), r.err());
        assertTrue(r.err().contains("warning: node image differs: sha256:a in A, sha256:b in B"), r.err());
        assertTrue(r.err().contains("warning: driver differs: docker in A, process in B"), r.err());
        assertTrue(r.out().contains("Not compared, only in A:\n  1nodes_10conc_1024bytes"), r.out());
        assertTrue(r.out().contains("Not compared, only in B:\n  5nodes_10conc_1024bytes"), r.out());
    }

    @Test
    void badInputExitsTwo() {
        Path a = run("a", 2000);
        assertEquals(2, CommandRun.of(new CompareCommand(), a.toString(), tmp.resolve("nope").toString()).exitCode());
        assertEquals(2, CommandRun.of(new CompareCommand(), a.toString(), a.toString(), "--noise", "lots").exitCode());
        CommandRun negative = CommandRun.of(new CompareCommand(), a.toString(), a.toString(), "--min-effect-ms", "-1");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--min-effect-ms -1 is not a number of milliseconds (0 or more); write it "
                + "like 1 or 0.5"), negative.err());
        assertFalse(Files.exists(a.resolve("comparison.md")), "nothing is written on bad input");
    }

    @Test
    void regressionsCountLatencyAndSuccessToo() {
        MetricDelta p99 = MetricDelta.of(10, 11, false, 5);
        assertTrue(p99.regression() && !p99.improvement());
        assertEquals(10.0, p99.changePercent(), 1e-9);
        assertFalse(MetricDelta.of(10, 10.4, false, 5).regression());
        assertTrue(MetricDelta.of(100, 90, true, 5).regression());
        assertTrue(MetricDelta.of(10, 5, false, 5).improvement());
        assertTrue(Double.isNaN(MetricDelta.of(0, 5, true, 5).changePercent()));
    }
}
