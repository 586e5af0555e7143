package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hard case: an orchestrator killed with SIGKILL runs no cleanup code, yet its nodes must go. */
class ProcessEngineOrphanTest {
    private final ProcFs proc = ProcFs.system();

    private static String exitCode(Process process) {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Test
    void sigkilledOrchestratorLeavesNoNodeProcessBehind(@TempDir Path tmp) throws Exception {
        // The killed holder cannot delete its node-log directory: keep it inside the test's temp dir.
        Process holder = new ProcessBuilder(NodeCommand.javaExecutable().toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                ProcessEngineHolderMain.class.getName(), NodeJar.path().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<Long> nodePids = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                if (line.startsWith("NODE_PID ")) nodePids.add(Long.parseLong(line.substring("NODE_PID ".length())));
            }
            assertNotNull(line, () -> "the holder exited before its cluster was ready (exit " + exitCode(holder) + ")");
            assertEquals(1, nodePids.size());
            long nodePid = nodePids.get(0);
            assertTrue(proc.running(nodePid), "the node runs while the holder lives");
            assertEquals(holder.pid(), ProcessHandle.of(nodePid).orElseThrow().parent().orElseThrow().pid());

            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs in the holder
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            assertEquals(137, holder.exitValue(), "killed by SIGKILL");

            Await.until(Duration.ofSeconds(10), () -> !proc.running(nodePid));
            assertFalse(proc.running(nodePid), "node pid " + nodePid + " outlived its SIGKILLed orchestrator");
        } finally {
            holder.destroyForcibly();
            for (long pid : nodePids) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
