package io.repram.dashboard.render;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.repram.dashboard.model.NodeRow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The node table. Column widths follow the content; when the table is wider than its box it first
 * narrows the gaps, then shortens node names (keeping their distinguishing tail), then drops the
 * least important columns. The load's per-node columns (availability, errors) show only when some
 * row has them, and so do the network columns: nodes on the host's network (Docker's host mode, the
 * process driver) have no counters of their own, and a column of dashes would only take room.
 */
final class NodeTable {

    /** Columns in display order; {@code dropRank} 0 is never dropped, higher ranks go first. */
    enum Column {
        NODE("Node", 0, false, NodeRow::node),
        STATUS("Status", 0, false, row -> row.up() ? "UP" : "DOWN"),
        AVAILABILITY("Avail", 1, true, row -> Units.percent(row.availabilityPercent())),
        ERRORS("Errors", 8, true, row -> Units.count(row.loadErrors())),
        CPU("CPU %", 3, true, row -> Units.percent(row.cpuPercent())),
        MEMORY("Memory", 4, true, row -> Units.bytes(row.memoryBytes())),
        NET_RX("Net rx", 6, true, row -> Units.byteRate(row.netRxBytesPerSec())),
        NET_TX("Net tx", 7, true, row -> Units.byteRate(row.netTxBytesPerSec())),
        REQUESTS("Requests", 2, true, row -> Units.count(row.requests())),
        ITEMS("Items", 5, true, row -> Units.count(row.itemsStored()));

        final String header;
        final int dropRank;
        final boolean rightAligned;
        final Function<NodeRow, String> cell;

        Column(String header, int dropRank, boolean rightAligned, Function<NodeRow, String> cell) {
            this.header = header;
            this.dropRank = dropRank;
            this.rightAligned = rightAligned;
            this.cell = cell;
        }
    }

    private static final int MIN_NODE_COLUMNS = 8;

    /** Columns kept and their widths for a table of {@code width} columns. */
    record Plan(List<Column> columns, int[] widths, int gap) {
    }

    private NodeTable() {
    }

    static Plan plan(List<NodeRow> rows, int width) {
        List<Column> columns = new ArrayList<>(List.of(Column.values()));
        // The load's columns only while a load reports them (not when monitoring an unloaded cluster).
        if (rows.stream().allMatch(r -> Double.isNaN(r.availabilityPercent()))) {
            columns.remove(Column.AVAILABILITY);
        }
        if (rows.stream().allMatch(r -> r.loadErrors() < 0)) {
            columns.remove(Column.ERRORS);
        }
        if (rows.stream().allMatch(r -> r.netRxBytesPerSec() < 0 && r.netTxBytesPerSec() < 0)) {
            columns.remove(Column.NET_RX);
            columns.remove(Column.NET_TX);
        }
        while (true) {
            int[] widths = naturalWidths(columns, rows);
            for (int gap = 3; gap >= 1; gap--) {
                int total = sum(widths) + gap * (columns.size() - 1);
                if (total <= width) {
                    return new Plan(List.copyOf(columns), widths, gap);
                }
            }
            int overflow = sum(widths) + (columns.size() - 1) - width;
            int nodeSlack = widths[0] - MIN_NODE_COLUMNS;
            if (nodeSlack > 0 && overflow <= nodeSlack) {
                widths[0] -= overflow;
                return new Plan(List.copyOf(columns), widths, 1);
            }
            Column drop = columns.stream().filter(c -> c.dropRank > 0)
                    .max((a, b) -> Integer.compare(a.dropRank, b.dropRank)).orElse(null);
            if (drop == null) {
                widths[0] = Math.max(1, widths[0] - Math.max(0, overflow));
                return new Plan(List.copyOf(columns), widths, 1);
            }
            columns.remove(drop);
        }
    }

    /**
     * Draws the table into {@code g} (the inside of its box). When not every node fits, DOWN nodes
     * are kept first and the last line says how many were left out.
     */
    static void draw(TextGraphics g, List<NodeRow> rows) {
        int width = g.getSize().getColumns();
        int height = g.getSize().getRows();
        if (height < 1 || width < 1) {
            return;
        }
        Plan plan = plan(rows, width);
        g.setForegroundColor(TextColor.ANSI.CYAN_BRIGHT);
        drawHeader(g, plan);
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        if (rows.isEmpty()) {
            if (height > 1) {
                g.putString(0, 1, Units.fit("No nodes reported yet", width));
            }
            return;
        }
        int capacity = height - 1;
        List<NodeRow> shown = rows.size() <= capacity ? rows : pick(rows, capacity - 1);
        int line = 1;
        for (NodeRow row : shown) {
            drawRow(g, line++, plan, row);
        }
        if (shown.size() < rows.size()) {
            long hiddenDown = rows.stream().filter(r -> !r.up()).count() - shown.stream().filter(r -> !r.up()).count();
            String more = "… " + (rows.size() - shown.size()) + " more nodes"
                    + (hiddenDown > 0 ? " (" + hiddenDown + " DOWN)" : "") + ", enlarge the terminal to see all";
            g.putString(0, line, Units.fit(more, width));
        }
    }

    private static List<NodeRow> pick(List<NodeRow> rows, int count) {
        List<NodeRow> kept = new ArrayList<>();
        rows.stream().filter(r -> !r.up()).limit(count).forEach(kept::add);
        rows.stream().filter(NodeRow::up).limit(Math.max(0, count - kept.size())).forEach(kept::add);
        // Back to the caller's order, so the table does not jump around as nodes go down.
        return rows.stream().filter(kept::contains).toList();
    }

    private static void drawRow(TextGraphics g, int line, Plan plan, NodeRow row) {
        int x = 0;
        for (int i = 0; i < plan.columns().size(); i++) {
            Column column = plan.columns().get(i);
            String text = column.cell.apply(row);
            int w = plan.widths()[i];
            if (column == Column.STATUS) {
                g.setForegroundColor(row.up() ? TextColor.ANSI.GREEN_BRIGHT : TextColor.ANSI.RED_BRIGHT);
                g.putString(x, line, pad(text, w, false), SGR.BOLD);
                g.setForegroundColor(row.up() ? TextColor.ANSI.DEFAULT : TextColor.ANSI.RED);
            } else {
                g.putString(x, line, pad(column == Column.NODE ? fitTail(text, w) : text, w, column.rightAligned));
            }
            x += w + plan.gap();
        }
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
    }

    private static void drawHeader(TextGraphics g, Plan plan) {
        int x = 0;
        for (int i = 0; i < plan.columns().size(); i++) {
            Column column = plan.columns().get(i);
            g.putString(x, 0, pad(column.header, plan.widths()[i], column.rightAligned), SGR.BOLD);
            x += plan.widths()[i] + plan.gap();
        }
    }

    private static int[] naturalWidths(List<Column> columns, List<NodeRow> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            int w = column.header.length();
            for (NodeRow row : rows) {
                w = Math.max(w, column.cell.apply(row).length());
            }
            widths[i] = w;
        }
        return widths;
    }

    /** Node names of one cluster usually share a prefix, so the tail is what tells them apart. */
    static String fitTail(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        return width <= 1 ? "…" : "…" + text.substring(text.length() - (width - 1));
    }

    private static String pad(String text, int width, boolean right) {
        String fitted = Units.fit(text, width);
        String padding = " ".repeat(width - fitted.length());
        return right ? padding + fitted : fitted + padding;
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }
}
