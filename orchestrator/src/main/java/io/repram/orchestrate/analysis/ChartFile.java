package io.repram.orchestrate.analysis;

import java.nio.file.Path;

/**
 * One rendered chart.
 *
 * @param png the PNG, always written
 * @param svg the same chart as SVG
 */
public record ChartFile(String title, String caption, Path png, Path svg) {
}
