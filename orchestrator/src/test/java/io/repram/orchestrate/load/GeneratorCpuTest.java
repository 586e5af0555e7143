package io.repram.orchestrate.load;

import io.repram.orchestrate.scenario.Workload;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator's I/O-thread CPU covers the measured window only, and is the threads' own. */
class GeneratorCpuTest {

    @Test
    void aGeneratorWaitingOnASilentServerUsesAlmostNoneOfItsShare() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) held.add(silent.accept());
                } catch (java.io.IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI target = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            LoadSpec spec = LoadSpec.of(List.of(target), new Workload(100, 300, 500, null, Workload.Targets.ALL), 4,
                    256, Duration.ofMillis(700), Duration.ofSeconds(1), Duration.ofSeconds(30), 7);
            try (LoadGenerator generator = new LoadGenerator(spec, 2)) {
                assertNull(generator.measuredCpu(), "nothing is known before the run");
                generator.run(interval -> { });
                GeneratorCpu cpu = generator.measuredCpu();
                assertNotNull(cpu);
                assertEquals(2, cpu.threads());
                // The measured second, not the warm-up before it.
                assertTrue(cpu.windowNanos() >= 900_000_000L && cpu.windowNanos() < 1_600_000_000L, cpu.toString());
                // Every request waits for an answer that never comes: the threads sleep in select().
                assertTrue(cpu.percentOfShare() < 10, cpu + " = " + cpu.percentOfShare() + "%");
            }
        } finally {
            for (Socket s : held) s.close();
        }
    }

    @Test
    void theShareIsCpuOverOneCorePerThread() {
        assertEquals(50.0, new GeneratorCpu(2, 1_000_000_000L, 1_000_000_000L).percentOfShare(), 1e-9);
        assertEquals(0.0, new GeneratorCpu(0, 5, 5).percentOfShare());
    }
}
