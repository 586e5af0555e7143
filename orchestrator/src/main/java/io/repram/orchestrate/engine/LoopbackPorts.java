package io.repram.orchestrate.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free 127.0.0.1 ports for a node to listen on, chosen outside the kernel's ephemeral range
 * ({@code net.ipv4.ip_local_port_range}) where there is room.
 *
 * <p>Why not {@code bind(0)}: it returns a port from the ephemeral range, and once that probe socket
 * is closed the kernel may give the same port to any outgoing connection as its source port (the
 * orchestrator's health probes, a first node's gossip, a load generator) in the second before the
 * node's JVM binds it; the node then fails with "Address already in use". Below the ephemeral range
 * no connection is ever given a port, so a port found free there stays free until someone listens.
 * Where the range leaves no room (it starts below {@link #LOWEST}), the kernel's choice is the
 * fallback.
 */
public final class LoopbackPorts {
    /** Nothing below this: the registered ports of common services live lower. */
    public static final int LOWEST = 10_000;
    private static final Path RANGE_FILE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int TRIES = 200;

    private final int low;
    private final int high;

    /** Picks in {@code low..high} first (none when high < low), then from the kernel. */
    LoopbackPorts(int low, int high) {
        this.low = low;
        this.high = high;
    }

    /** For this machine: its ephemeral range from /proc, or Linux's default (32768) where unreadable. */
    public static LoopbackPorts forThisHost() {
        return new LoopbackPorts(LOWEST, ephemeralLow(RANGE_FILE) - 1);
    }

    static int ephemeralLow(Path rangeFile) {
        try {
            // Not Files.readString: a /proc/sys file answers a read at an offset above 0 with EOF, and
            // readString, seeing size 0, reads one byte first: it returned "3" for "32768\t60999".
            String[] range = Files.readAllLines(rangeFile).get(0).trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    /**
     * A port that nothing listens on and not in {@code taken} (ports handed out already, or published
     * by a container), below the ephemeral range when there is room.
     *
     * @throws IOException when not even the kernel has a free port
     */
    public int pick(Set<Integer> taken) throws IOException {
        if (high >= low) {
            for (int attempt = 0; attempt < TRIES; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(low, high + 1);
                if (!taken.contains(port) && bindable(port)) return port;
            }
        }
        for (int attempt = 0; attempt < TRIES; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                if (!taken.contains(port)) return port;
            }
        }
        throw new IOException("no free port on 127.0.0.1 after " + 2 * TRIES + " tries");
    }

    /**
     * Whether a listener could bind 127.0.0.1:{@code port} now. SO_REUSEADDR as Jetty sets it: a
     * port left in TIME_WAIT by an earlier node is one the next node binds fine.
     */
    public static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
