package io.repram.dashboard.render;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.graphics.TextGraphics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThroughputChartTest {

    @Test
    void narrowChartsAverageSeveralSecondsPerColumnToCoverSixty() {
        List<Double> history = new ArrayList<>(Collections.nCopies(58, 10.0));
        history.add(100.0);
        history.add(300.0);
        ThroughputChart.Series series = ThroughputChart.bucket(history, 30);
        assertEquals(2, series.secondsPerColumn());
        assertEquals(60, series.spanSeconds());
        assertEquals(200.0, series.columns()[29], 1e-9);
        assertEquals(10.0, series.columns()[0], 1e-9);
    }

    @Test
    void wideChartsShowOneSecondPerColumnAndMarkMissingData() {
        ThroughputChart.Series series = ThroughputChart.bucket(List.of(1.0, 2.0, 3.0), 100);
        assertEquals(1, series.secondsPerColumn());
        assertEquals(100, series.spanSeconds());
        assertEquals(3.0, series.columns()[99], 1e-9);
        assertTrue(Double.isNaN(series.columns()[0]));
    }

    @Test
    void theTitleSaysNoLoadYetBeforeTheFirstSecondAndZeroOnceASecondGotNothingDone() {
        assertEquals("Throughput · no load yet", ThroughputChart.title(List.of(), 60, true));
        assertEquals("Throughput · now 0.0 req/s · peak 0.0 req/s", ThroughputChart.title(List.of(0.0), 60, true));
        assertEquals("Throughput · last 1,200 req/s · peak 3,000 req/s",
                ThroughputChart.title(List.of(3000.0, 1200.0), 60, false));
    }

    @Test
    void niceCeilingKeepsAxisLabelsRound() {
        assertEquals(5000, ThroughputChart.niceCeiling(4812), 1e-9);
        assertEquals(5000, ThroughputChart.niceCeiling(5000), 1e-9);
        assertEquals(6000, ThroughputChart.niceCeiling(5001), 1e-9);
        assertEquals(150, ThroughputChart.niceCeiling(101), 1e-9);
        assertEquals(1, ThroughputChart.niceCeiling(0), 1e-9);
    }

    @Test
    void tallestBarReachesTheTopAndEmptySecondsStayBlank() {
        BasicTextImage image = new BasicTextImage(new TerminalSize(70, 6));
        TextGraphics g = image.newTextGraphics();
        List<Double> history = new ArrayList<>(Collections.nCopies(30, 0.0));
        for (int i = 1; i <= 30; i++) {
            history.add(i * 100.0);
        }
        ThroughputChart.draw(g, history, true);
        // Scale 3000 ("3.0k" plus a space: bars start at column 5); 5 bar rows above the time axis.
        assertEquals('█', image.getCharacterAt(69, 0).getCharacter(), "the peak fills the chart's height");
        assertEquals('█', image.getCharacterAt(69, 4).getCharacter());
        assertEquals(' ', image.getCharacterAt(15, 4).getCharacter(), "seconds with 0 req/s draw no bar");
        assertEquals(' ', image.getCharacterAt(54, 0).getCharacter(), "half the peak stays below the top row");
        assertEquals("3.0k", rowText(image, 0).substring(0, 4));
        assertTrue(rowText(image, 5).endsWith("now"));
        assertTrue(rowText(image, 5).contains("-65s"), rowText(image, 5));
    }

    private static String rowText(BasicTextImage image, int row) {
        StringBuilder text = new StringBuilder();
        for (int column = 0; column < image.getSize().getColumns(); column++) {
            text.append(image.getCharacterAt(column, row).getCharacterString());
        }
        return text.toString();
    }
}
