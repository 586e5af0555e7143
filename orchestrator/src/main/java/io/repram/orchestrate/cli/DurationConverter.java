package io.repram.orchestrate.cli;

import io.repram.orchestrate.scenario.Units;
import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The one reader of duration flags, registered for every command in {@link Main#commandLine}:
 * what scenario files accept ({@code 90s}, {@code 1m30s}, {@code 2m}, {@code 500ms}, a bare
 * number of seconds) plus ISO-8601 ({@code PT2M}), which {@code load} always took. Picocli puts
 * the flag's name in front of the message of a value it rejects.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    static final String EXAMPLES = "e.g. 90s, 1m30s, 2m, 500ms, 30 (seconds) or PT2M";

    @Override
    public Duration convert(String text) {
        Duration d;
        try {
            d = parse(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration; use " + EXAMPLES);
        }
        if (d.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is negative; use " + EXAMPLES);
        }
        return d;
    }

    static Duration parse(String text) {
        String t = text.strip();
        if (t.length() > 1 && (t.charAt(0) == 'P' || t.charAt(0) == 'p')) return Duration.parse(t);
        return Units.parseDuration(t);
    }
}
