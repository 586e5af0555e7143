package io.repram.dashboard.render;

import java.time.Duration;
import java.util.Locale;

/** Formats figures with their units, the same way everywhere on the dashboard. */
public final class Units {

    /** Shown for a figure that was not measured. */
    public static final String MISSING = "-";

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Units() {
    }

    /** {@code 12.3%}. */
    public static String percent(double value) {
        return Double.isNaN(value) ? MISSING : String.format(Locale.ROOT, "%.1f%%", value);
    }

    /** {@code 512 B}, {@code 256.0 MiB}; negative means not measured. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return MISSING;
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        // 1023.96 KiB would round to "1024.0 KiB"; show it as the next unit instead.
        if (value >= 1023.95 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, BINARY[unit]);
    }

    /** {@code 1.2 MiB/s}; negative means not measured. */
    public static String byteRate(long bytesPerSec) {
        return bytesPerSec < 0 ? MISSING : bytes(bytesPerSec) + "/s";
    }

    /** {@code 4,812}; negative means not measured. */
    public static String count(long value) {
        return value < 0 ? MISSING : String.format(Locale.US, "%,d", value);
    }

    /** {@code 4,812 req/s}; below 100 req/s one decimal, since there every request matters. */
    public static String requestRate(double perSec) {
        if (Double.isNaN(perSec) || perSec < 0) {
            return MISSING;
        }
        String number = perSec < 100
                ? String.format(Locale.US, "%.1f", perSec)
                : String.format(Locale.US, "%,d", Math.round(perSec));
        return number + " req/s";
    }

    /** {@code 0.42 ms}, {@code 3.4 ms}, {@code 1.25 s}. */
    public static String millis(double millis) {
        if (Double.isNaN(millis) || millis < 0) {
            return MISSING;
        }
        if (millis < 1) {
            return String.format(Locale.ROOT, "%.2f ms", millis);
        }
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }

    /** {@code 04:07} below an hour, {@code 1:02:03} above; {@code null} (unknown) gives {@code --:--}. */
    public static String clock(Duration duration) {
        if (duration == null || duration.isNegative()) {
            return "--:--";
        }
        long seconds = duration.toSeconds();
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long secs = seconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%02d:%02d", minutes, secs);
    }

    /** Short axis labels: {@code 950}, {@code 4.8k}, {@code 12k}, {@code 1.5M}. */
    public static String compact(double value) {
        if (value < 1000) {
            return value == Math.rint(value)
                    ? String.valueOf((long) value)
                    : String.format(Locale.ROOT, "%.1f", value);
        }
        String[] suffixes = {"k", "M", "G"};
        double scaled = value;
        int index = -1;
        while (scaled >= 1000 && index < suffixes.length - 1) {
            scaled /= 1000;
            index++;
        }
        return scaled < 10
                ? String.format(Locale.ROOT, "%.1f%s", scaled, suffixes[index])
                : String.format(Locale.ROOT, "%d%s", Math.round(scaled), suffixes[index]);
    }

    /** Cuts {@code text} to {@code width} columns, marking the cut with an ellipsis. */
    public static String fit(String text, int width) {
        if (width <= 0) {
            return "";
        }
        if (text.length() <= width) {
            return text;
        }
        return width == 1 ? "…" : text.substring(0, width - 1) + "…";
    }
}
