package io.repram.orchestrate.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers (and a crash) only ever see the old or the new complete content:
 * the text goes to a temp file in the same directory, which is then renamed over the target.
 */
public final class AtomicFiles {

    /** Temp files carry this suffix; {@link ResultsReader} ignores them. */
    public static final String TEMP_SUFFIX = ".tmp";

    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, String text) {
        write(target, out -> out.write(text));
    }

    /** Binary content, e.g. a PNG. */
    @FunctionalInterface
    public interface BinaryContent {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Content content) {
        writeBinary(target, out -> {
            // Content may close its writer (a CSVPrinter does); that must flush, not close, the file.
            OutputStream keepOpen = new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            try (Writer w = new OutputStreamWriter(keepOpen, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        });
    }

    public static void writeBinary(Path target, BinaryContent content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", TEMP_SUFFIX);
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp))) {
                content.writeTo(out);
            }
            // createTempFile makes owner-only files; results are meant to be shared and published.
            setReadableByAll(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ResultsException("cannot write " + target + ": " + e.getMessage()
                    + " (check that the results directory is writable and the disk is not full)", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The rename already happened or the write failed; a stray temp file is harmless.
                }
            }
        }
    }

    private static void setReadableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
