package io.repram.orchestrate.run;

import io.repram.orchestrate.gate.ThresholdEvaluator;
import io.repram.orchestrate.results.Breach;
import io.repram.orchestrate.results.CellLimit;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The final table a run prints: one row per cell, with what limited it and its threshold verdict, fitted to the
 * terminal's width. The verdict column stays short ("BREACH 2"); the breaches themselves follow
 * the table as wrapped lines. When the table is still too wide, the least telling columns go first.
 */
final class SummaryTable {

    /** Width used when the output is not a terminal (CI logs): nothing wraps there. */
    static final int UNLIMITED = Integer.MAX_VALUE;
    static final int DEFAULT_TERMINAL_WIDTH = 80;

    private record Column(String header, boolean rightAligned, Function<Row, String> value) {
    }

    private record Row(CellResult result, List<Breach> breaches) {
    }

    /** Dropped in this order, first to last, until the table fits; the first entries are kept always. */
    private static final List<Column> COLUMNS = List.of(
            new Column("cell", false, r -> r.result().cell().id()),
            new Column("verdict", false, SummaryTable::verdict),
            new Column("req/s", true, r -> String.format(Locale.ROOT, "%,.1f", r.result().load().requestsPerSec())),
            new Column("p99 ms", true, r -> ms(r.result().load().all().p99Nanos())),
            new Column("success", true, r -> String.format(Locale.ROOT, "%.2f%%", r.result().load().successRate())),
            new Column("errors", true, r -> Long.toString(r.result().load().failures())),
            new Column("limited by", false, r -> r.result().limit() == null ? "-"
                    : CellLimit.label(r.result().limit().verdict())),
            new Column("p50 ms", true, r -> ms(r.result().load().all().p50Nanos())));
    private static final int ALWAYS_KEPT = 2;
    /** The order the kept columns are printed in. */
    private static final List<String> PRINT_ORDER = List.of("cell", "req/s", "success", "p50 ms", "p99 ms", "errors",
            "limited by", "verdict");

    private SummaryTable() {
    }

    static List<String> lines(List<CellResult> results, Scenario scenario) {
        return lines(results, scenario, terminalWidth());
    }

    static List<String> lines(List<CellResult> results, Scenario scenario, int width) {
        if (results.isEmpty()) return List.of("No cell finished.");
        ThresholdEvaluator thresholds = ThresholdEvaluator.forScenario(scenario);
        // A skipped cell is not judged, as in report.xml and the exit code.
        List<Row> rows = results.stream().map(r -> new Row(r, r.measuredInFull() ? thresholds.evaluate(r) : List.of()))
                .toList();
        List<Column> kept = fit(rows, width);
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(format(kept, rows, null));
        for (Row r : rows) {
            lines.add(format(kept, rows, r));
        }
        for (Row r : rows) {
            if (!r.breaches().isEmpty()) {
                lines.addAll(wrap(r.result().cell().id() + " breached: "
                        + String.join("; ", r.breaches().stream().map(Breach::describe).toList()), width));
            } else if (!CellResult.OK.equals(r.result().status())) {
                lines.addAll(wrap(r.result().cell().id() + " " + r.result().status() + ": "
                        + r.result().statusReason(), width));
            }
        }
        for (CellResult r : results) {
            for (var a : r.saturatedAgents()) {
                lines.addAll(wrap("Warning (" + r.cell().id() + "): " + a.warning(), width));
            }
        }
        lines.add("");
        return lines;
    }

    /** {@code COLUMNS} when the shell exports it; unlimited when stdout is not a terminal; else 80. */
    static int terminalWidth() {
        String columns = System.getenv("COLUMNS");
        if (columns != null) {
            try {
                int width = Integer.parseInt(columns.strip());
                if (width > 0) return width;
            } catch (NumberFormatException ignored) {
                // Fall through to the defaults.
            }
        }
        return System.console() == null ? UNLIMITED : DEFAULT_TERMINAL_WIDTH;
    }

    private static String verdict(Row r) {
        if (!r.breaches().isEmpty()) return "BREACH " + r.breaches().size();
        return r.result().status();
    }

    private static List<Column> fit(List<Row> rows, int width) {
        List<Column> kept = new ArrayList<>(COLUMNS);
        while (kept.size() > ALWAYS_KEPT && tableWidth(kept, rows) > width) {
            kept.remove(kept.size() - 1);
        }
        kept.sort((a, b) -> Integer.compare(PRINT_ORDER.indexOf(a.header()), PRINT_ORDER.indexOf(b.header())));
        return kept;
    }

    private static int tableWidth(List<Column> columns, List<Row> rows) {
        return columns.stream().mapToInt(c -> width(c, rows)).sum() + 2 * (columns.size() - 1);
    }

    private static int width(Column c, List<Row> rows) {
        return Math.max(c.header().length(), rows.stream().mapToInt(r -> c.value().apply(r).length()).max().orElse(0));
    }

    /** One line of the table: the header when {@code row} is null. */
    private static String format(List<Column> columns, List<Row> rows, Row row) {
        StringBuilder line = new StringBuilder();
        for (Column c : columns) {
            if (line.length() > 0) line.append("  ");
            String text = row == null ? c.header() : c.value().apply(row);
            String pad = " ".repeat(width(c, rows) - text.length());
            line.append(c.rightAligned() ? pad + text : text + pad);
        }
        return line.toString().stripTrailing();
    }

    /** Word-wraps {@code text} to {@code width}, continuation lines indented by two spaces. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line = new StringBuilder("  ");
            }
            if (line.length() > 0 && !line.toString().isBlank()) line.append(' ');
            line.append(word);
        }
        if (!line.toString().isBlank()) out.add(line.toString());
        return out;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
