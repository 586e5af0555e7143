package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.ClusterSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Stands in for an orchestrator that gets SIGKILLed: starts a one-node process cluster, prints
 * the node's pid and then waits to be killed. Used as a subprocess by {@link ProcessEngineOrphanTest}.
 */
public final class ProcessEngineHolderMain {
    public static void main(String[] args) throws Exception {
        ProcessEngine engine = new ProcessEngine(Path.of(args[0]));
        ProcessCluster cluster = engine.start(new ClusterSpec("holder", "holder", 1, "process", Map.of(), null, null, 0,
                Duration.ofSeconds(60)));
        for (int i = 0; i < cluster.size(); i++) {
            System.out.println("NODE_PID " + cluster.nodePid(i).orElseThrow());
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
        engine.close();
    }
}
