package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.scenario.Scenario;

import java.nio.file.Path;
import java.time.Duration;

/** The cluster a scenario asks for at one size: its nodes' settings, network and CPUs. */
final class ClusterSpecs {
    private ClusterSpecs() {
    }

    static ClusterSpec of(Scenario s, int size, String runId, int basePort, Duration healthTimeout, Path logDir) {
        var hostCpus = CpuPlan.hostCpus();
        return new ClusterSpec(runId, s.name(), size, s.image(), s.node().env(), s.node().cpus(), s.node().memoryBytes(),
                basePort, healthTimeout, logDir, NetworkMode.of(s.node().network()),
                CpuPlan.of(s, hostCpus).nodeCpusets(size, hostCpus));
    }
}
