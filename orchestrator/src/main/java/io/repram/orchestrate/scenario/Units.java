package io.repram.orchestrate.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human units used in scenario files and on the command line. */
public final class Units {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]?)(?:i?b)?");

    public static final String DURATION_FORMS = "a number of seconds or a number with a unit: 500ms, 60s, 2m, 1h, 1m30s";
    public static final String MEMORY_FORMS = "bytes or a number with a unit: 512m, 1g, 262144k";

    private Units() {
    }

    /**
     * "60s", "2m", "500ms", "1h", "1m30s" or a bare number of seconds ("60", "1.5").
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Duration parseDuration(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (BARE_NUMBER.matcher(s).matches()) {
            return millis(new BigDecimal(s).movePointRight(3));
        }
        Matcher m = DURATION_PART.matcher(s);
        BigDecimal totalMillis = BigDecimal.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            BigDecimal amount = new BigDecimal(m.group(1));
            totalMillis = totalMillis.add(switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount.movePointRight(3);
                case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
                default -> amount.multiply(BigDecimal.valueOf(3_600_000));
            });
            end = m.end();
        }
        if (s.isEmpty() || end != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use " + DURATION_FORMS);
        }
        return millis(totalMillis);
    }

    private static Duration millis(BigDecimal millis) {
        return Duration.ofNanos(millis.movePointRight(6).longValueExact());
    }

    /**
     * "512m", "1g", "262144k" (binary multiples, as Docker reads them) or a bare number of bytes.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static long parseMemoryBytes(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = MEMORY.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a memory size; use " + MEMORY_FORMS);
        }
        long multiplier = switch (m.group(2)) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            default -> 1L;
        };
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(multiplier)).longValue();
    }

    /** The shortest readable form: "500ms", "60s", "2m", "1h30m". */
    public static String formatDuration(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toMillisPart() != 0 || d.toNanosPart() % 1_000_000 != 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        if (d.toHours() > 0) {
            out.append(d.toHours()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            out.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            out.append(d.toSecondsPart()).append('s');
        }
        return out.toString();
    }
}
