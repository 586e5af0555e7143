package io.repram.orchestrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tmux server of a test's own (its own socket, so nobody else's sessions are touched) running
 * one command in one window: the pseudo-terminal in which the tmux tests watch the real CLI.
 */
record TmuxSession(Path socket) {
    private static final String NAME = "dash";

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The packaged CLI as a shell command, on the Java that runs the tests. */
    static String cli(Path jar) {
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + jar.toAbsolutePath();
    }

    void start(int columns, int rows, String command) throws Exception {
        run("new-session", "-d", "-s", NAME, "-x", String.valueOf(columns), "-y", String.valueOf(rows), command);
    }

    void resize(int columns, int rows) throws Exception {
        run("resize-window", "-t", NAME, "-x", String.valueOf(columns), "-y", String.valueOf(rows));
    }

    void sendKeys(String keys) throws Exception {
        run("send-keys", "-t", NAME, keys);
    }

    /**
     * Three equal captures in a row: a frame caught while a redraw is still arriving (on a busy
     * machine the writer can be descheduled between two chunks of one frame) is not what anyone sees.
     */
    String stableCapture() throws Exception {
        String previous = run("capture-pane", "-p", "-t", NAME);
        int same = 1;
        for (int i = 0; i < 30 && same < 3; i++) {
            TimeUnit.MILLISECONDS.sleep(60);
            String current = run("capture-pane", "-p", "-t", NAME);
            same = current.equals(previous) ? same + 1 : 1;
            previous = current;
        }
        return previous;
    }

    /** Waits until a stable frame has {@code rows} lines and its last one starts with {@code footer}. */
    void awaitRedrawAt(int rows, String footer) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> lines = stableCapture().lines().toList();
            if (lines.size() == rows && lines.get(rows - 1).startsWith(footer)) return;
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("no redraw at " + rows + " rows within 5 s:\n" + stableCapture());
    }

    void kill() throws Exception {
        run("kill-server");
    }

    private String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // CI=true turns the dashboard off (CI mode): the command inside the pseudo-terminal is a person's.
        pb.environment().remove("CI");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return output;
    }
}
