package io.repram.orchestrate.cli;

import io.repram.orchestrate.results.SearchProbe;
import io.repram.orchestrate.results.SearchResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rate search's probes as the dashboard's ladder: one line per probe, at most {@link #WIDTH}
 * characters, so the box beside the load panel holds them on an 80-column terminal.
 */
final class SearchLadder {

    /** An 80-column terminal leaves 44 columns inside the ladder's box. */
    static final int WIDTH = 44;

    private SearchLadder() {
    }

    static List<String> lines(SearchResult s) {
        List<String> out = new ArrayList<>();
        for (SearchProbe p : s.probes()) {
            out.add(String.format(Locale.ROOT, "%2d %-6s %,7d→%,7.0f/s p99 %s %s", p.number(), phase(p.phase()),
                    p.offeredRps(), p.achievedRps(), millis(p.p99Micros()), p.passed() ? "ok" : failure(p.failedOn())));
        }
        if (s.finished()) {
            out.add(s.maxSustainableRps() == null ? "= no rate met the SLO"
                    : String.format(Locale.ROOT, "= %s%,d req/s within the SLO%s", s.lowerBound() ? "≥ " : "",
                    s.maxSustainableRps(), s.confirmed() ? ", confirmed" : ""));
        }
        return out;
    }

    private static String phase(String phase) {
        return switch (phase) {
            case SearchProbe.STEP_DOWN -> "down";
            default -> phase;
        };
    }

    private static String failure(String failedOn) {
        return switch (failedOn) {
            case SearchProbe.LATENCY -> "SLOW";
            case SearchProbe.ERRORS -> "ERRS";
            default -> "GEN";
        };
    }

    /** 4.1ms, 123ms, 2.3s: at most 5 characters. */
    static String millis(long micros) {
        double ms = micros / 1000.0;
        if (ms < 10) return String.format(Locale.ROOT, "%.1fms", ms);
        if (ms < 1000) return String.format(Locale.ROOT, "%.0fms", ms);
        return String.format(Locale.ROOT, "%.1fs", ms / 1000);
    }
}
