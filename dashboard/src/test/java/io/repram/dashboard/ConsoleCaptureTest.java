package io.repram.dashboard;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ConsoleCaptureTest {

    @Test
    void linesPrintedWhileInstalledGoToTheSinkAndTheStreamsComeBack() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> lines = new CopyOnWriteArrayList<>();
        ConsoleCapture capture = ConsoleCapture.install(lines::add);
        try {
            System.out.println("3.3 s: node-0 healthy on http://127.0.0.1:1; starting 0 more");
            System.err.print("[main] INFO lib - größe\r\n");
            System.out.print("unterminated");
        } finally {
            capture.close();
            capture.close();
        }
        assertSame(out, System.out);
        assertSame(err, System.err);
        assertEquals(List.of("3.3 s: node-0 healthy on http://127.0.0.1:1; starting 0 more",
                "[main] INFO lib - größe", "unterminated"), lines);
    }
}
