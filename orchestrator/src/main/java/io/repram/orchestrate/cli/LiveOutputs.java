package io.repram.orchestrate.cli;

import io.repram.orchestrate.results.IntervalLogStream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code --out KIND=FILE} of {@code run} and {@code load}: per-interval streams, opened for one command. */
final class LiveOutputs {

    /** The kinds {@code --out} knows. */
    static final List<String> KINDS = List.of("ndjson");

    /** One {@code --out KIND=FILE}. */
    record Out(String kind, Path file) {
    }

    static final class OutConverter implements ITypeConverter<Out> {
        @Override
        public Out convert(String value) {
            int eq = value.indexOf('=');
            String kind = (eq < 0 ? value : value.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw new TypeConversionException("unknown --out kind '" + kind + "'; allowed: " + String.join(", ", KINDS)
                        + " (e.g. --out ndjson=intervals.ndjson)");
            }
            if (eq < 0 || value.substring(eq + 1).isBlank()) {
                throw new TypeConversionException("--out " + kind + " needs a file: --out " + kind + "=FILE");
            }
            return new Out(kind, Path.of(value.substring(eq + 1).strip()));
        }
    }

    @Option(names = "--out", paramLabel = "KIND=FILE", converter = OutConverter.class,
            description = "Stream every interval as it ends; KIND: ndjson (one JSON object per line, flushed each"
                    + " second, for tail -f | jq). Repeatable.")
    List<Out> outs = new ArrayList<>();

    /** The ndjson streams asked for, opened (empty list without --out). */
    List<IntervalLogStream> openStreams() {
        List<IntervalLogStream> streams = new ArrayList<>();
        for (Out o : outs) streams.add(IntervalLogStream.open(o.file()));
        return streams;
    }
}
