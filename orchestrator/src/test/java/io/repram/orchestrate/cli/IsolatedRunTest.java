package io.repram.orchestrate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.repram.orchestrate.engine.Taskset;
import io.repram.orchestrate.results.ResultsJson;
import io.repram.orchestrate.run.CpuPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** load.isolate and node.cpuset end to end on the process driver: applied, recorded, reported, or refused. */
class IsolatedRunTest {
    private final Captured console = new Captured();

    @TempDir
    Path results;

    private static String fixture(String name) throws Exception {
        return Path.of(IsolatedRunTest.class.getResource("/cli/" + name).toURI()).toString();
    }

    private List<Path> runDirs() throws Exception {
        if (!Files.exists(results)) return List.of();
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.toList();
        }
    }

    @Test
    void theGeneratorAndTheNodeGetCpusOfTheirOwnAndRunJsonSaysWhich() throws Exception {
        List<Integer> cpus = CpuPlan.hostCpus();
        assumeTrue(cpus.size() >= 2 && Taskset.available(), "needs 2 CPUs and taskset");
        long pid = ProcessHandle.current().pid();
        String before = Taskset.affinity(pid);
        int code = console.run(new RunCommand(), fixture("isolated-process.yaml"), "--driver", "process", "--ci",
                "--results-dir", results.toString());
        assertEquals(ExitCodes.OK, code, console.toString());
        assertEquals(before, Taskset.affinity(pid), "the JVM is back on its CPUs after the run");

        // 2 CPUs / (1 node + 1) = 1 for the generator, the first; the node gets the rest.
        String generator = Integer.toString(cpus.get(0));
        Path dir = runDirs().get(0);
        JsonNode details = ResultsJson.mapper().readTree(dir.resolve("run.json").toFile()).path("engine_details");
        assertEquals(generator, details.path("load_cpuset").asText(), details.toString());
        JsonNode node = details.path("placement").get(0);
        assertEquals(1, node.path("cluster_size").asInt());
        String nodeCpus = io.repram.orchestrate.scenario.CpuSet.format(cpus.subList(1, cpus.size()));
        assertEquals(nodeCpus, node.path("cpuset").asText(), details.toString());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("Load generator pinned to CPU(s) " + generator + " (load.isolate)"), md);
        assertTrue(md.contains("| 1 | 0 | " + nodeCpus + " | loopback |"), md);
        assertTrue(console.err().contains("pinned to CPU(s) " + generator) || console.out().contains("pinned to CPU(s) "
                + generator), "the run says it pinned the generator: " + console);
    }

    @Test
    void cpusTheMachineLacksAndABridgeOnProcessesAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path yaml = Files.writeString(results.resolveSibling(results.getFileName() + "-far.yaml"),
                Files.readString(Path.of(fixture("isolated-process.yaml"))).replace("load: {isolate: true}",
                        "node: {cpuset: \"4000\"}"));
        assertEquals(ExitCodes.BAD_INPUT, console.run(new RunCommand(), yaml.toString(), "--driver", "process", "--ci",
                "--results-dir", results.toString()));
        assertTrue(console.err().contains("node.cpuset 4000 names CPU(s) this machine does not have"), console.toString());

        Path bridge = Files.writeString(results.resolveSibling(results.getFileName() + "-bridge.yaml"),
                Files.readString(Path.of(fixture("isolated-process.yaml"))).replace("load: {isolate: true}",
                        "node: {network: bridge}"));
        assertEquals(ExitCodes.BAD_INPUT, console.run(new RunCommand(), bridge.toString(), "--driver", "process", "--ci",
                "--results-dir", results.toString()));
        assertTrue(console.err().contains("node.network bridge needs container nodes"), console.toString());
        assertEquals(List.of(), runDirs(), "nothing written for refused input");
    }
}
