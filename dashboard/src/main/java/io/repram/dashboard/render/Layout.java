package io.repram.dashboard.render;

/**
 * Where each panel goes for a given terminal size. Rows are handed out by importance: header,
 * footer and node table first, then load and chart, then events; whatever is left makes the chart
 * and the event box taller.
 *
 * @param header the three header rows (title, progress bar, health + status)
 * @param nodes  node table box
 * @param load   load figures box
 * @param chart  throughput chart box
 * @param events events box, {@link Rect#EMPTY} when there is no room or nothing to show
 * @param footer key hints row
 */
public record Layout(Rect header, Rect nodes, Rect load, Rect chart, Rect events, Rect footer) {

    /** Below this the panels cannot be drawn sensibly; the renderer shows a hint instead. */
    public static final int MIN_COLUMNS = 50;
    public static final int MIN_ROWS = 16;

    static final int HEADER_ROWS = 3;
    /** Box borders plus the five load lines. */
    static final int LOAD_MIN_ROWS = 7;
    /** Box borders plus at least one event line. */
    static final int EVENTS_MIN_ROWS = 3;

    public static boolean fits(int columns, int rows) {
        return columns >= MIN_COLUMNS && rows >= MIN_ROWS;
    }

    public static Layout of(int columns, int rows, int nodeCount, int eventCount) {
        int body = rows - HEADER_ROWS - 1;
        // Borders + column header + one row per node (an empty table still says so in one row).
        int nodesWanted = 3 + Math.max(1, nodeCount);
        int nodesRows = Math.min(nodesWanted, Math.max(4, body - LOAD_MIN_ROWS));
        int lowerRows = Math.max(0, Math.min(LOAD_MIN_ROWS, body - nodesRows));
        int rest = body - nodesRows - lowerRows;

        int eventsRows = 0;
        if (eventCount > 0 && rest >= EVENTS_MIN_ROWS) {
            // On tall terminals the events get up to a third of the spare rows, the chart the remainder.
            int wanted = Math.min(eventCount, Math.max(6, rest / 3)) + 2;
            eventsRows = Math.min(rest, wanted);
        }
        lowerRows += rest - eventsRows;

        int nodesTop = HEADER_ROWS;
        int lowerTop = nodesTop + nodesRows;
        int loadColumns = Math.max(34, Math.min(48, columns / 3));
        Rect load = lowerRows > 0 ? new Rect(0, lowerTop, loadColumns, lowerRows) : Rect.EMPTY;
        Rect chart = lowerRows > 0 ? new Rect(loadColumns, lowerTop, columns - loadColumns, lowerRows) : Rect.EMPTY;
        Rect events = eventsRows > 0 ? new Rect(0, lowerTop + lowerRows, columns, eventsRows) : Rect.EMPTY;
        return new Layout(
                new Rect(0, 0, columns, HEADER_ROWS),
                new Rect(0, nodesTop, columns, nodesRows),
                load,
                chart,
                events,
                new Rect(0, rows - 1, columns, 1));
    }
}
