package io.repram.orchestrate.run;

import io.repram.orchestrate.scenario.CpuSet;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which CPUs the load generator and each node get, from node.cpuset or load.isolate, checked
 * against the CPUs this machine has.
 * <p>
 * load.isolate treats the generator as one more node: it gets max(1, CPUs / (largest cluster + 1))
 * CPUs, the first ones, for the whole run; each cluster size spreads its nodes over the rest, in
 * contiguous blocks as even as they can be, or round-robin (nodes sharing a CPU) when there are
 * more nodes than CPUs left. It needs 2 CPUs at least: one for the generator and one for nodes.
 *
 * @param loadCpuset the generator's CPUs, or null when it is not pinned
 */
public record CpuPlan(String loadCpuset, Scenario scenario) {
    public static final int MIN_CPUS_TO_ISOLATE = 2;
    private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");

    /**
     * @param hostCpus the CPUs of this machine ({@link #hostCpus()})
     * @throws ScenarioException when the machine has too few CPUs or lacks one node.cpuset names
     */
    public static CpuPlan of(Scenario s, List<Integer> hostCpus) {
        if (s.node().cpuset() != null) requireOnHost("node.cpuset", s.node().cpuset(), hostCpus);
        if (!s.load().isolate()) return new CpuPlan(null, s);
        if (hostCpus.size() < MIN_CPUS_TO_ISOLATE) {
            throw new ScenarioException("load.isolate needs at least " + MIN_CPUS_TO_ISOLATE + " CPUs (1 for the load"
                    + " generator and at least 1 for the nodes); this machine has " + describe(hostCpus)
                    + ". Fix: remove load.isolate, or run on a machine with more CPUs");
        }
        return new CpuPlan(CpuSet.format(hostCpus.subList(0, generatorCpus(s, hostCpus.size()))), s);
    }

    /** @throws ScenarioException naming {@code what} when {@code cpuset} lists a CPU outside {@code hostCpus} */
    public static void requireOnHost(String what, String cpuset, List<Integer> hostCpus) {
        List<Integer> missing = CpuSet.parse(cpuset).stream().filter(c -> !hostCpus.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new ScenarioException(what + " " + cpuset + " names CPU(s) this machine does not have: "
                    + CpuSet.format(missing) + "; it has " + describe(hostCpus)
                    + ". Fix: pick CPUs from that list, or leave " + what + " out");
        }
    }

    /** The CPUs of every node of a {@code size}-node cluster; empty when nodes are not pinned, one entry when they share a set. */
    public List<String> nodeCpusets(int size, List<Integer> hostCpus) {
        if (scenario.node().cpuset() != null) return List.of(scenario.node().cpuset());
        if (loadCpuset == null) return List.of();
        List<Integer> rest = hostCpus.subList(generatorCpus(scenario, hostCpus.size()), hostCpus.size());
        List<String> sets = new ArrayList<>(size);
        if (rest.size() < size) {
            for (int i = 0; i < size; i++) sets.add(rest.get(i % rest.size()).toString());
            return sets;
        }
        int from = 0;
        for (int i = 0; i < size; i++) {
            int take = rest.size() / size + (i < rest.size() % size ? 1 : 0);
            sets.add(CpuSet.format(rest.subList(from, from + take)));
            from += take;
        }
        return sets;
    }

    private static int generatorCpus(Scenario s, int cpus) {
        int largest = s.matrix().clusterSizes().stream().mapToInt(Integer::intValue).max().orElse(1);
        return Math.max(1, cpus / (largest + 1));
    }

    /** The CPUs online on this machine, from /sys; without it, 0 .. availableProcessors − 1. */
    public static List<Integer> hostCpus() {
        try {
            return CpuSet.parse(Files.readString(ONLINE).strip());
        } catch (IOException | IllegalArgumentException e) {
            return IntStream.range(0, Runtime.getRuntime().availableProcessors()).boxed().toList();
        }
    }

    private static String describe(List<Integer> cpus) {
        return cpus.size() + " (" + CpuSet.format(cpus) + ")";
    }
}
