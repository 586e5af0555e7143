package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceChartTest {

    static final long T0 = ChartFixtures.START_MILLIS;

    /**
     * Sampling once a second without a pause: a 1-node cell (0–9 s), idle (10–14 s), a 3-node cell
     * (15–24 s), idle (25–29 s), a second 3-node cell (30–39 s). Only the cluster size changes at 15 s.
     */
    static List<StatsSample> continuousSamples(List<CellResult> cells) {
        List<StatsSample> out = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            String cellId = s < 10 ? cells.get(0).cell().id() : s < 15 ? StatsSample.IDLE
                    : s < 25 ? cells.get(1).cell().id() : s < 30 ? StatsSample.IDLE : cells.get(2).cell().id();
            int nodes = s < 15 ? 1 : 3;
            for (int n = 0; n < nodes; n++) {
                out.add(new StatsSample(Instant.ofEpochMilli(T0 + s * 1000L), cellId, "node-" + n, 10 + s, 100));
            }
        }
        return out;
    }

    static List<CellResult> cells() {
        return List.of(ChartFixtures.cell(0, 1, 10, 1024, 100, 1_000_000, 2_000_000, List.of()),
                ChartFixtures.cell(1, 3, 10, 1024, 100, 1_000_000, 2_000_000, List.of()),
                ChartFixtures.cell(2, 3, 50, 1024, 100, 1_000_000, 2_000_000, List.of()));
    }

    static XYSeries cpuSeries(String node) {
        List<CellResult> cells = cells();
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) ResourceChart.build(continuousSamples(cells), cells).getPlot();
        XYPlot cpu = plot.getSubplots().get(0);
        return ((XYSeriesCollection) cpu.getDataset()).getSeries(node);
    }

    @Test
    void nodeZeroOfOneClusterSizeIsNotJoinedToNodeZeroOfTheNext() {
        XYSeries node0 = cpuSeries("node-0");
        List<Integer> breaks = new ArrayList<>();
        for (int i = 0; i < node0.getItemCount(); i++) {
            if (node0.getY(i) == null) breaks.add(i);
        }
        assertEquals(1, breaks.size(), "one break, where the 1-node cluster gave way to the 3-node one");
        int at = breaks.get(0);
        assertEquals(T0 + 14_000, node0.getX(at - 1).longValue(), "last sample of the 1-node cluster (idle after it)");
        assertEquals(T0 + 15_000, node0.getX(at + 1).longValue(), "first sample of the 3-node cluster");
        assertTrue(node0.getX(at).longValue() > T0 + 14_000 && node0.getX(at).longValue() < T0 + 15_000);
        // Every measured sample is still there: 40 samples and the break.
        assertEquals(41, node0.getItemCount());
    }

    @Test
    void aNodeOnlyInTheLargerClusterHasAnUnbrokenLineAcrossItsCells() {
        XYSeries node2 = cpuSeries("node-2");
        assertEquals(25, node2.getItemCount());
        for (int i = 0; i < node2.getItemCount(); i++) {
            assertTrue(node2.getY(i) != null, "no break within one cluster, at item " + i);
        }
    }

    @Test
    void aLongPauseInSamplingBreaksTheLineToo() {
        List<StatsSample> samples = new ArrayList<>();
        for (int s = 0; s < 10; s++) samples.add(new StatsSample(Instant.ofEpochMilli(T0 + s * 1000L), null, "n", 1, 1));
        for (int s = 60; s < 70; s++) samples.add(new StatsSample(Instant.ofEpochMilli(T0 + s * 1000L), null, "n", 1, 1));
        XYSeries series = ResourceChart.series("n", samples, StatsSample::cpuPercent, java.util.Map.of());
        assertEquals(21, series.getItemCount());
        assertNull(series.getY(10));
    }
}
