package io.repram.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Takes {@code System.out} and {@code System.err} away from the terminal while a full-screen view
 * owns it: anything printed there (a library's slf4j-simple log, a stray {@code println}) would
 * scroll the terminal under the screen and corrupt it. Each complete line goes to {@code lines}
 * instead; {@link #close} puts the original streams back and hands over an unterminated last line.
 */
public final class ConsoleCapture implements AutoCloseable {

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final LineStream out;
    private final LineStream err;
    private boolean closed;

    private ConsoleCapture(Consumer<String> lines) {
        this.originalOut = System.out;
        this.originalErr = System.err;
        this.out = new LineStream(lines);
        this.err = new LineStream(lines);
    }

    /** Swaps both streams now; lines arrive on whichever thread printed them. */
    public static synchronized ConsoleCapture install(Consumer<String> lines) {
        ConsoleCapture capture = new ConsoleCapture(Objects.requireNonNull(lines, "lines"));
        System.setOut(new PrintStream(capture.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capture.err, true, StandardCharsets.UTF_8));
        return capture;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        System.setOut(originalOut);
        System.setErr(originalErr);
        out.flushPartial();
        err.flushPartial();
    }

    /** Collects bytes up to each newline; a line is decoded whole so multi-byte characters survive. */
    private static final class LineStream extends OutputStream {
        private final Consumer<String> lines;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineStream(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emit();
            } else {
                pending.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        synchronized void flushPartial() {
            if (pending.size() > 0) {
                emit();
            }
        }

        private void emit() {
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            try {
                lines.accept(line);
            } catch (RuntimeException e) {
                // A failing sink must not turn every later println into an exception.
            }
        }
    }
}
