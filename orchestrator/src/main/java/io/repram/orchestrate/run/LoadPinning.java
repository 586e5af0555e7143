package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.EngineDetails;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.Taskset;

import java.util.List;
import java.util.function.Consumer;

/**
 * load.isolate's pin of the load generator: every thread of this JVM, and so the load agents it
 * starts (a child inherits its parent's affinity), runs on the generator's CPUs until closed,
 * which puts the JVM back on the CPUs it had.
 */
final class LoadPinning implements AutoCloseable {
    private final String previous;

    private LoadPinning(String previous) {
        this.previous = previous;
    }

    /** @param cpus the generator's CPUs, or null for no pinning (then close does nothing) */
    static LoadPinning apply(String cpus, Consumer<String> events) throws EngineException {
        if (cpus == null) return new LoadPinning(null);
        long pid = ProcessHandle.current().pid();
        String before = Taskset.affinity(pid);
        Taskset.pin(pid, cpus);
        events.accept("Load generator (pid " + pid + ") pinned to CPU(s) " + cpus + " (was " + before + ")");
        return new LoadPinning(before);
    }

    /** The engine's details with the generator's CPUs added, or null when there is nothing to record. */
    static EngineDetails withLoadCpuset(EngineDetails details, String cpus) {
        if (cpus == null) return details;
        return details == null ? new EngineDetails(List.of(), null, cpus) : details.withLoadCpuset(cpus);
    }

    @Override
    public void close() throws EngineException {
        if (previous != null) Taskset.pin(ProcessHandle.current().pid(), previous);
    }
}
