package io.repram.orchestrate.engine.swarm.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ForwarderTest {
    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private ServerSocket echo;
    private Forwarder forwarder;

    @AfterEach
    void tearDown() throws IOException {
        if (forwarder != null) forwarder.close();
        if (echo != null) echo.close();
    }

    /** Echoes every byte until the client half-closes, then closes. */
    private int startEcho(int port) throws IOException {
        echo = new ServerSocket(port, 50, loopback);
        Thread t = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    new Thread(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException ignored) {
                            // client went away
                        }
                    }).start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return echo.getLocalPort();
    }

    private int startForwarder(int targetPort) throws IOException {
        forwarder = new Forwarder(loopback, List.of(new Route(0, "localhost", targetPort)));
        Thread t = new Thread(() -> {
            try {
                forwarder.run();
            } catch (IOException ignored) {
                // closed by the test
            }
        });
        t.setDaemon(true);
        t.start();
        return forwarder.boundPorts().get(0);
    }

    private static byte[] roundTrip(int port, byte[] payload) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(payload);
                    s.shutdownOutput();
                } catch (IOException ignored) {
                    // the read side reports the failure
                }
            });
            writer.start();
            InputStream in = s.getInputStream();
            return in.readAllBytes();
        }
    }

    @Test
    void forwardsBytesBothWaysIncludingMoreThanOneBuffer() throws IOException {
        int port = startForwarder(startEcho(0));
        byte[] big = new byte[1 << 20];
        new Random(42).nextBytes(big);
        assertArrayEquals(big, roundTrip(port, big));
        assertArrayEquals("hello".getBytes(), roundTrip(port, "hello".getBytes()));
    }

    @Test
    void retriesWhileTheTargetIsNotUpYet() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
            free = probe.getLocalPort();
        }
        int port = startForwarder(free);
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(800);
                startEcho(free);
            } catch (Exception ignored) {
                // the assertion below fails instead
            }
        });
        later.start();
        assertEquals("late", new String(roundTrip(port, "late".getBytes())));
        later.join();
    }

    @Test
    void routesParseAndBadOnesAreRefused() {
        assertEquals(new Route(9000, "repram-r-node-0", 8080), Route.parse("9000=repram-r-node-0:8080"));
        assertEquals("9000=repram-r-node-0:8080", Route.parse("9000=repram-r-node-0:8080").toString());
        for (String bad : Arrays.asList("9000", "x=h:1", "9000=h:", "9000=:80", "=h:1")) {
            assertThrows(IllegalArgumentException.class, () -> Route.parse(bad), bad);
        }
    }
}
