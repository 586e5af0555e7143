package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineContract;
import io.repram.orchestrate.engine.RunningCluster;

import java.util.List;
import java.util.function.Supplier;

class ProcessEngineContractTest extends EngineContract {
    @Override
    protected Engine newEngine() {
        return new ProcessEngine(NodeJar.path());
    }

    @Override
    protected String image() {
        return "process";
    }

    /** The node JVMs that still live. */
    @Override
    protected Supplier<List<String>> leftovers(Engine engine, RunningCluster cluster) {
        ProcessCluster processes = (ProcessCluster) cluster;
        List<ProcessHandle> nodes = cluster.nodes().stream()
                .map(n -> ProcessHandle.of(processes.nodePid(n.index()).orElseThrow()).orElseThrow()).toList();
        return () -> nodes.stream().filter(ProcessHandle::isAlive).map(h -> "process " + h.pid()).toList();
    }
}
