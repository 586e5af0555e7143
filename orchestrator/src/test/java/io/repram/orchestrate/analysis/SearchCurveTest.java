package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.SearchProbe;
import io.repram.orchestrate.results.SearchResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scaling curve (and so the USL fit and capacity) takes a size's searched rate over its best cell. */
class SearchCurveTest {

    private static SearchResult search(int size, int payload, Integer found, boolean finished) {
        List<SearchProbe> probes = found == null ? List.of() : List.of(new SearchProbe(1, SearchProbe.CONFIRM, found,
                found, 1_000, 5_000 + size * 1_000L, 100, true, null, "met the SLO", null));
        return new SearchResult(size, 64, payload, Map.of("p99_ms", "<= 20"), finished ? found : null, false, true,
                SearchResult.LATENCY, "s", finished, 0, 1, probes);
    }

    @Test
    void aSearchedSizeUsesItsMaxSustainableRateOthersTheirBestCell() {
        List<CellResult> cells = List.of(Fixtures.cell(0, new Fixtures.Spec(1, 64, 1024, 9_000, 100, 1, 80)),
                Fixtures.cell(1, new Fixtures.Spec(3, 64, 1024, 15_000, 100, 1, 80)),
                Fixtures.cell(2, new Fixtures.Spec(5, 64, 1024, 18_000, 100, 1, 80)));
        List<SearchResult> searches = List.of(search(1, 1024, 4_000, true), search(1, 4096, 3_000, true),
                search(3, 1024, 7_000, true), search(5, 1024, 9_999, false));
        List<CapacityPlan.Point> curve = CapacityPlan.curve(cells, searches, 99);
        assertEquals(List.of(new CapacityPlan.Point(1, 4_000, true), new CapacityPlan.Point(3, 7_000, true),
                new CapacityPlan.Point(5, 18_000, false)), curve, "an unfinished search leaves its size to the cells");
        assertEquals("each size's highest rate within the search's SLO where it was searched, else its best healthy cell",
                BaselineReport.source(curve));
        assertEquals(CapacityPlan.curve(cells, 99), CapacityPlan.curve(cells, List.of(), 99));
    }

    @Test
    void theHockeyStickMarksTheSloAndEachFoundRate() {
        List<SearchResult> searches = List.of(search(1, 1024, 4_000, true), search(3, 1024, 7_000, true));
        var chart = HockeyStickChart.chart(searches);
        var plot = chart.getXYPlot();
        assertEquals(List.of(20.0), HockeyStickChart.sloBounds(searches));
        assertEquals(20.0, ((org.jfree.chart.plot.ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                .iterator().next()).getValue());
        var data = plot.getDataset();
        int found = data.getSeriesCount() - 1;
        assertEquals(2, data.getItemCount(found));
        assertEquals(4_000.0, data.getXValue(found, 0));
        assertEquals(6.0, data.getYValue(found, 0), 1e-9, "ringed at its p99, ms");
        assertTrue(plot.getAnnotations().size() == 2);
    }

    @Test
    void theChartIsDrawnIntoTheChartsDirectory(@org.junit.jupiter.api.io.TempDir Path dir) {
        ChartFile f = HockeyStickChart.write(dir, List.of(search(1, 1024, 4_000, true)));
        assertTrue(java.nio.file.Files.isRegularFile(f.png()) && java.nio.file.Files.isRegularFile(f.svg()));
    }
}
