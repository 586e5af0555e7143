package io.repram.orchestrate.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    @Test
    void readersSeeTheOldContentUntilTheNewOneIsComplete() throws IOException {
        Path file = tmp.resolve("summary.csv");
        AtomicFiles.write(file, "old\n");
        AtomicFiles.write(file, out -> {
            out.write("new half");
            out.flush();
            // Mid-write, the target still holds the complete old content.
            assertEquals("old\n", Files.readString(file));
            out.write(" and the rest\n");
        });
        assertEquals("new half and the rest\n", Files.readString(file));
        assertEquals(1, count());
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTempFile() throws IOException {
        Path file = tmp.resolve("report.md");
        AtomicFiles.write(file, "complete\n");
        assertThrows(ResultsException.class, () -> AtomicFiles.write(file, out -> {
            out.write("partial");
            throw new IOException("disk full");
        }));
        assertEquals("complete\n", Files.readString(file));
        assertEquals(1, count());
    }

    private long count() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.count();
        }
    }
}
