package io.repram.dashboard;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class DashboardTest {

    /** Generous: the render thread shares two cores with other builds. Only bounds a hang. */
    private static final long WAIT_MILLIS = 10_000;

    private final DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
    private final AtomicInteger quits = new AtomicInteger();
    private final AtomicInteger skips = new AtomicInteger();
    private Dashboard dashboard;

    private final DashboardListener listener = new DashboardListener() {
        @Override
        public void onQuit() {
            quits.incrementAndGet();
        }

        @Override
        public void onSkip() {
            skips.incrementAndGet();
        }
    };

    @AfterEach
    void closeDashboard() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private void awaitScreen(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what + "; screen:\n" + ScreenText.text(terminal));
            }
            Thread.sleep(20);
        }
    }

    private void awaitText(String text) throws InterruptedException {
        awaitScreen("'" + text + "'", () -> ScreenText.text(terminal).contains(text));
    }

    private static KeyStroke key(char c) {
        return new KeyStroke(c, false, false);
    }

    @Test
    void drawsTheLatestSnapshot() throws Exception {
        dashboard = Dashboard.open(terminal, listener);
        awaitText("Waiting for the first figures");
        dashboard.update(SampleSnapshots.threeNodesOneDown());
        // Frames are read while the render thread may still be writing one, so wait for the whole picture.
        awaitScreen("node-2 DOWN", () -> ScreenText.lines(terminal).stream()
                .anyMatch(l -> l.contains("node-2") && l.contains("DOWN") && l.contains("1,234")));
        dashboard.update(SampleSnapshots.manyNodes(3));
        awaitScreen("three healthy nodes", () -> ScreenText.text(terminal).contains("3/3 nodes healthy")
                && ScreenText.lines(terminal).stream().filter(l -> l.contains("node-") && l.contains(" UP ")).count() == 3);
        assertFalse(terminal.isCursorVisible(), "cursor hidden while the dashboard runs");
    }

    /** A cooldown sends no figures for its whole length; the header's clock must not stop with them. */
    @Test
    void theClockRunsOnBetweenSnapshots() throws Exception {
        dashboard = Dashboard.open(terminal, listener, Duration.ofMillis(100));
        dashboard.update(SampleSnapshots.threeNodesOneDown());
        awaitText("Elapsed 03:12");
        awaitText("Elapsed 03:14");
        awaitScreen("the ETA counting down from 21:40", () -> ScreenText.text(terminal).matches("(?s).*ETA 21:3[0-8].*"));
    }

    @Test
    void keysReachTheListenerAndToggleHelp() throws Exception {
        dashboard = Dashboard.open(terminal, listener, Duration.ofMillis(100));
        dashboard.update(SampleSnapshots.threeNodesOneDown());
        awaitText("node-1");

        terminal.addInput(key('s'));
        awaitScreen("skip", () -> skips.get() == 1);
        awaitText("Skipping scenario 3");

        terminal.addInput(key('?'));
        awaitText("skip the current scenario");
        terminal.addInput(new KeyStroke(KeyType.Escape));
        awaitScreen("help hidden", () -> !ScreenText.text(terminal).contains("skip the current scenario"));
        terminal.addInput(key('?'));
        awaitText("skip the current scenario");
        terminal.addInput(key('?'));
        awaitScreen("help hidden", () -> !ScreenText.text(terminal).contains("skip the current scenario"));

        terminal.addInput(key('q'));
        awaitScreen("quit", () -> quits.get() == 1);
        awaitText("Stopping");
        assertEquals(1, skips.get());
    }

    @Test
    void aMonitorShowsItsOwnKeysFromTheFirstFrameAndQuitLeavesTheClusterRunning() throws Exception {
        dashboard = Dashboard.open(terminal, new DashboardListener() {
            @Override
            public void onQuit() {
                quits.incrementAndGet();
            }

            @Override
            public void onSkip() {
                skips.incrementAndGet();
            }

            @Override
            public boolean hasScenarios() {
                return false;
            }
        }, Duration.ofMillis(50));
        awaitText("Waiting for the nodes' first figures");
        awaitScreen("the monitor's keys", () -> ScreenText.lines(terminal).get(23).startsWith(" q stop monitoring"));
        assertFalse(ScreenText.text(terminal).contains("skip"), ScreenText.text(terminal));
        terminal.addInput(key('s'));
        terminal.addInput(key('q'));
        awaitScreen("quit", () -> quits.get() == 1);
        awaitText("the cluster keeps running");
        assertFalse(ScreenText.text(terminal).contains("tearing down"), ScreenText.text(terminal));
        assertEquals(0, skips.get(), "s does nothing in monitor");
    }

    @Test
    void aThrowingListenerDoesNotTakeTheKeysAway() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        dashboard = Dashboard.open(terminal, new DashboardListener() {
            @Override
            public void onQuit() {
                calls.incrementAndGet();
                throw new IllegalStateException("run loop already gone");
            }

            @Override
            public void onSkip() {
            }
        });
        terminal.addInput(key('q'));
        awaitScreen("first quit", () -> calls.get() == 1);
        terminal.addInput(key('q'));
        awaitScreen("second quit", () -> calls.get() == 2);
        assertTrue(dashboard.failure().orElseThrow().getMessage().contains("run loop already gone"));
    }

    @Test
    void relayoutsWhenTheTerminalIsResized() throws Exception {
        dashboard = Dashboard.open(terminal, listener, Duration.ofMillis(50));
        dashboard.update(SampleSnapshots.manyNodes(3));
        awaitText("node-1");
        terminal.setTerminalSize(new TerminalSize(50, 16));
        awaitScreen("narrow layout", () -> ScreenText.lines(terminal).get(15).contains("q quit")
                && ScreenText.text(terminal).contains("…-node-1 UP"));
        terminal.setTerminalSize(new TerminalSize(200, 60));
        awaitScreen("wide layout", () -> ScreenText.lines(terminal).get(59).contains("q quit")
                && ScreenText.text(terminal).contains("repram-scale-test-node-1")
                && ScreenText.lines(terminal).stream().anyMatch(l -> l.contains("Status") && l.contains("Net tx")));
    }

    @Test
    void closeRestoresTheTerminalAndIsIdempotent() throws Exception {
        dashboard = Dashboard.open(terminal, listener);
        dashboard.update(SampleSnapshots.threeNodesOneDown());
        awaitText("node-1");

        dashboard.close();
        dashboard.close();

        assertTrue(dashboard.isClosed());
        assertTrue(terminal.isCursorVisible(), "cursor shown again");
        assertFalse(ScreenText.text(terminal).contains("node-1"), "private mode left, the normal buffer is back");
        // The render thread is the only reader of keys: once it has ended, a key can only stay queued.
        awaitScreen("render thread ended", () -> !dashboard.rendering());
        dashboard.update(SampleSnapshots.threeNodesOneDown());
        terminal.addInput(key('q'));
        KeyStroke unread = terminal.pollInput();
        assertNotNull(unread, "the key was taken from the terminal after close");
        assertEquals(Character.valueOf('q'), unread.getCharacter());
        assertEquals(0, quits.get(), "no keys are read after close");
        assertTrue(dashboard.failure().isEmpty(), () -> "unexpected failure " + dashboard.failure());
    }

    @Test
    void closeFromTheListenerDoesNotDeadlock() throws Exception {
        Dashboard[] self = new Dashboard[1];
        self[0] = Dashboard.open(terminal, new DashboardListener() {
            @Override
            public void onQuit() {
                self[0].close();
            }

            @Override
            public void onSkip() {
            }
        });
        dashboard = self[0];
        terminal.addInput(key('q'));
        awaitScreen("closed", dashboard::isClosed);
        awaitScreen("cursor restored", terminal::isCursorVisible);
    }
}
