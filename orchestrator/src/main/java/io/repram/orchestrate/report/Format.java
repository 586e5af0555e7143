package io.repram.orchestrate.report;

import io.repram.orchestrate.scenario.Cell;

import java.util.Locale;

/** Number formats shared by the human-readable reports; always Locale.ROOT. */
final class Format {

    private Format() {
    }

    static String text(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String rate(double perSecond) {
        return text("%,.1f", perSecond);
    }

    static String count(long n) {
        return text("%,d", n);
    }

    static String ms(long nanos) {
        return text("%.2f", nanos / 1e6);
    }

    static String percent(double p) {
        return text("%.3f%%", p);
    }

    static String cell(Cell c) {
        return text("%s × %d workers × %d B", nodes(c.clusterSize()), c.concurrency(), c.payloadBytes());
    }

    static String nodes(int n) {
        return n == 1 ? "1 node" : n + " nodes";
    }

    static String mib(long bytes) {
        return text("%,.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
