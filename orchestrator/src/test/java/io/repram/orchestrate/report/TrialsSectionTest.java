package io.repram.orchestrate.report;

import io.repram.orchestrate.results.TrialFigures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words next to a cell's figures: too-wide intervals and cold-start figures are said, never NaN. */
class TrialsSectionTest {

    private static TrialFigures.Trial trial(long warmupMs, boolean untilStable, boolean hitMax, Long flatFromMs) {
        return new TrialFigures.Trial(1, 0, 4000, 10_000, 100, 30_000, "fixed duration", warmupMs, untilStable, hitMax,
                flatFromMs);
    }

    private static TrialFigures figures(TrialFigures.Trial t, double rpsLow, double rpsHigh) {
        return new TrialFigures(List.of(t), new TrialFigures.Estimate(4000, rpsLow, rpsHigh, 30, "intervals"),
                new TrialFigures.Estimate(10_000, 9_800.0, 10_200.0, 30, "intervals"));
    }

    @Test
    void aWarmNarrowCellNeedsNoWords() {
        assertEquals("", TrialsSection.note(figures(trial(30_000, true, false, 20_000L), 3950.0, 4050.0)));
    }

    @Test
    void aWideIntervalIsTooWideToConcludeAnything() {
        String note = TrialsSection.note(figures(trial(30_000, true, false, 20_000L), 3000.0, 5000.0));
        assertTrue(note.contains("too wide to conclude anything: req/s ±25%"), note);
        assertFalse(note.contains("p99"), note);
    }

    @Test
    void coldFiguresAreSaidForAStableWarmupThatRanOutAndAFixedOneTooShort() {
        String ranOut = TrialsSection.note(figures(trial(90_000, true, true, null), 3950.0, 4050.0));
        assertTrue(ranOut.contains("may be cold-JVM figures") && ranOut.contains("reached its 90 s limit"), ranOut);
        String tooShort = TrialsSection.note(figures(trial(5_000, false, false, 25_000L), 3950.0, 4050.0));
        assertTrue(tooShort.contains("settled only 25 s into the load, after the 5 s warm-up"), tooShort);
        String never = TrialsSection.note(figures(trial(5_000, false, false, null), 3950.0, 4050.0));
        assertTrue(never.contains("did not stop trending"), never);
    }

    /** 3 trials span the lowest to the highest, which holds the median 75% of the time: the table says 75%, not 95%. */
    @Test
    void anIntervalBelowNinetyFivePercentSaysItsLevel() {
        TrialFigures three = new TrialFigures(List.of(trial(30_000, true, false, 0L)),
                new TrialFigures.Estimate(4000, 3900.0, 4100.0, 3, "trials", 75.0),
                new TrialFigures.Estimate(10_000, 9_800.0, 10_200.0, 3, "trials", 75.0));
        String md = TrialsSection.render(List.of(io.repram.orchestrate.report.ResultFixtures.cell(0, 1, 4, 4000, 100, 1, 10)
                .withTrials(three)));
        assertTrue(md.contains("4000 [3900, 4100] (75% CI)") && md.contains("[9.8, 10.2] (75% CI)"), md);
        TrialFigures six = new TrialFigures(List.of(trial(30_000, true, false, 0L)),
                new TrialFigures.Estimate(4000, 3900.0, 4100.0, 6, "trials", 96.875),
                new TrialFigures.Estimate(10_000, 9_800.0, 10_200.0, 6, "trials", 96.875));
        String md6 = TrialsSection.render(List.of(io.repram.orchestrate.report.ResultFixtures.cell(0, 1, 4, 4000, 100, 1, 10)
                .withTrials(six)));
        assertTrue(md6.contains("4000 [3900, 4100] |"), "95% or more needs no words: " + md6);
        TrialFigures older = new TrialFigures(List.of(trial(30_000, true, false, 0L)),
                new TrialFigures.Estimate(4000, 3900.0, 4100.0, 3, "trials", null),
                new TrialFigures.Estimate(10_000, 9_800.0, 10_200.0, 3, "trials", null));
        String mdOld = TrialsSection.render(List.of(io.repram.orchestrate.report.ResultFixtures.cell(0, 1, 4, 4000, 100, 1, 10)
                .withTrials(older)));
        assertTrue(mdOld.contains("[3900, 4100] (below 95%: fewer than 6 trials)"), "results that kept no level: " + mdOld);
    }

    @Test
    void noIntervalIsSaidInWords() {
        TrialFigures f = new TrialFigures(List.of(trial(30_000, true, false, 0L)),
                new TrialFigures.Estimate(4000, null, null, 3, "intervals"),
                new TrialFigures.Estimate(10_000, null, null, 3, "intervals"));
        String md = TrialsSection.render(List.of(io.repram.orchestrate.report.ResultFixtures.cell(0, 1, 4, 4000, 100, 1, 10)
                .withTrials(f)));
        assertTrue(md.contains("(no interval: too little data)"), md);
        assertTrue(md.contains("req/s (no interval)"), md);
        assertFalse(md.contains("NaN"), md);
    }
}
