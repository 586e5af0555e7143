package io.repram.orchestrate.results;

import io.repram.orchestrate.engine.NodeStatsSample;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code container_stats.csv}: every resource sample of every node, with the cell it belongs to.
 * The file only grows, so it is appended rather than rewritten: each batch is formatted first and
 * written with one call, so a crash can at worst cut the last batch, never an earlier one.
 */
public final class ContainerStatsCsv {

    public static final List<String> HEADER = List.of("timestamp", "cell_id", "node_index", "node_id",
            "cpu_percent", "memory_bytes", "memory_limit_bytes", "net_rx_bytes", "net_tx_bytes",
            "block_read_bytes", "block_write_bytes");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private ContainerStatsCsv() {
    }

    /** Empty for a counter the driver cannot read, as everywhere in the results: "not measured". */
    private static String counter(long value) {
        return value < 0 ? "" : Long.toString(value);
    }

    /** Appends {@code samples} for {@code cellId}, writing the header first when the file is new. */
    public static void append(Path file, String cellId, List<NodeStatsSample> samples) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, FORMAT)) {
            if (!Files.exists(file)) {
                csv.printRecord(HEADER);
            }
            for (NodeStatsSample s : samples) {
                csv.printRecord(Instant.ofEpochMilli(s.epochMillis()), cellId, s.nodeIndex(), s.nodeId(),
                        String.format(Locale.ROOT, "%.2f", s.cpuPercent()), s.memoryBytes(), s.memoryLimitBytes(),
                        counter(s.netRxBytes()), counter(s.netTxBytes()), counter(s.blockReadBytes()),
                        counter(s.blockWriteBytes()));
            }
            csv.flush();
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ResultsException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
