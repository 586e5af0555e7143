package io.repram.orchestrate.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One name and one meaning per flag across commands; the old names still land where the new ones do. */
class ConsistentFlagsTest {

    /** The command {@code path} (e.g. "cluster up") after parsing {@code args} given to it. */
    private static CommandSpec parsed(String path, String... args) {
        CommandLine main = Main.commandLine();
        List<String> all = new ArrayList<>(List.of(path.split(" ")));
        all.addAll(List.of(args));
        main.parseArgs(all.toArray(String[]::new));
        CommandLine cl = main;
        for (String name : path.split(" ")) cl = cl.getSubcommands().get(name);
        return cl.getCommandSpec();
    }

    private static Object value(CommandSpec spec, String option) {
        OptionSpec o = spec.findOption(option);
        assertNotNull(o, spec.qualifiedName() + " has no " + option);
        return o.getValue();
    }

    private static List<CommandSpec> everyCommand(CommandLine cl) {
        List<CommandSpec> specs = new ArrayList<>(List.of(cl.getCommandSpec()));
        cl.getSubcommands().values().stream().distinct().forEach(sub -> specs.addAll(everyCommand(sub)));
        return specs;
    }

    @Test
    void shortConcurrencyAndDurationWhereverTheyApply() {
        assertEquals(7, value(parsed("run", "-c", "7", "-d", "20s"), "--concurrency"));
        assertEquals(Duration.ofSeconds(20), value(parsed("run", "-c", "7", "-d", "20s"), "--duration"));
        assertEquals(9, value(parsed("load", "--url", "http://127.0.0.1:8080", "-c", "9", "-d", "3s"), "--concurrency"));
        assertEquals(Duration.ofSeconds(3), value(parsed("load", "--url", "http://127.0.0.1:8080", "-d", "3s"), "--duration"));
        assertEquals(Duration.ofMinutes(30), value(parsed("monitor", "-d", "30m"), "--duration"));
        assertEquals(Duration.ofMinutes(5), value(parsed("monitor"), "--duration"));
    }

    @Test
    void sizeIsNamedForWhatItCountsAndTheOldNameStillLands() {
        ClusterCommand.Up up = parsed("cluster up", "--cluster-size", "3").commandLine().getCommand();
        assertEquals(3, up.nodes());
        up = parsed("cluster up", "--size", "4").commandLine().getCommand();
        assertEquals(4, up.nodes());
        ClusterCommand.Up none = parsed("cluster up").commandLine().getCommand();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, none::nodes);
        assertTrue(missing.getMessage().contains("--cluster-size N"), missing.getMessage());

        DoctorCommand doctor = parsed("doctor", "--port-count", "3").commandLine().getCommand();
        assertEquals(3, doctor.ports());
        doctor = parsed("doctor", "--size", "5").commandLine().getCommand();
        assertEquals(5, doctor.ports());
        doctor = parsed("doctor").commandLine().getCommand();
        assertEquals(7, doctor.ports(), "the default survives the hidden old name");

        assertEquals(512, value(parsed("load", "--url", "http://127.0.0.1:8080", "--payload-bytes", "512"), "--payload-bytes"));
        assertEquals(256, value(parsed("load", "--url", "http://127.0.0.1:8080", "--size", "256"), "--payload-bytes"));
        assertEquals(1024, value(parsed("load", "--url", "http://127.0.0.1:8080"), "--payload-bytes"),
                "the default survives the hidden old name");
        assertEquals(1024, value(parsed("load", "--url", "http://127.0.0.1:8080", "--payload-bytes", "1024",
                "--seed", "2"), "--payload-bytes"));
    }

    @Test
    void monitorWritesUnderResultsDirLikeRun() {
        assertEquals(Path.of("/tmp/m1"), value(parsed("monitor", "--results-dir", "/tmp/m1"), "--results-dir"));
        assertEquals(Path.of("/tmp/m2"), value(parsed("monitor", "--output", "/tmp/m2"), "--results-dir"));
        assertEquals(Path.of("monitoring-results"), value(parsed("monitor"), "--results-dir"));
        assertEquals(Path.of("test-results"), value(parsed("run"), "--results-dir"));
    }

    @Test
    void oldNamesAreHiddenFromHelp() {
        for (CommandSpec spec : everyCommand(Main.commandLine())) {
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) continue;
                for (String name : o.names()) {
                    assertFalse(name.equals("--size") || name.equals("--output"),
                            spec.qualifiedName() + " still shows " + name);
                }
            }
        }
    }

    @Test
    void aSharedFlagHasOneTypeAndHealthTimeoutTakesADurationEverywhere() {
        Map<String, Class<?>> types = new HashMap<>();
        Map<String, String> where = new HashMap<>();
        for (CommandSpec spec : everyCommand(Main.commandLine())) {
            for (String name : List.of("--concurrency", "--duration", "--health-timeout", "--base-port", "--cluster-size",
                    "--payload-bytes", "--results-dir", "--image", "--node-jar", "--jvm")) {
                OptionSpec o = spec.findOption(name);
                if (o == null) continue;
                Class<?> type = o.type().isPrimitive() ? boxed(o.type()) : o.type();
                Class<?> before = types.putIfAbsent(name, type);
                assertTrue(before == null || before == type, name + " is " + type + " in " + spec.qualifiedName()
                        + " but " + before + " in " + where.get(name));
                where.putIfAbsent(name, spec.qualifiedName());
            }
        }
        assertEquals(Duration.class, types.get("--health-timeout"));
        assertEquals("60s", parsed("run").findOption("--health-timeout").defaultValue());
        assertEquals("60s", parsed("cluster up").findOption("--health-timeout").defaultValue());
        assertEquals(Duration.ofMinutes(2), value(parsed("cluster up", "--health-timeout", "2m"), "--health-timeout"));
    }

    @Test
    void differentBasePortDefaultsSayWhy() {
        String run = String.join(" ", parsed("run").findOption("--base-port").description());
        String up = String.join(" ", parsed("cluster up").findOption("--base-port").description());
        String doctor = String.join(" ", parsed("doctor").findOption("--base-port").description());
        assertTrue(run.contains("never collides with a cluster kept by `cluster up`"), run);
        assertTrue(up.contains("URLs you can type") && up.contains("`run` defaults to free ports"), up);
        assertTrue(doctor.contains("where `cluster up` publishes node 0"), doctor);
        String jvm = String.join(" ", parsed("cluster up").findOption("--jvm").description());
        assertTrue(jvm.contains("default here") && jvm.contains("what `run` uses"), jvm);
    }

    private static Class<?> boxed(Class<?> primitive) {
        return primitive == int.class ? Integer.class : primitive == long.class ? Long.class
                : primitive == boolean.class ? Boolean.class : primitive == double.class ? Double.class : primitive;
    }

    @Test
    void imageOverridesTheScenarioOnRunAndIsAFlagOfClusterUp() {
        assertEquals("my-repram:dev", value(parsed("run", "--image", "my-repram:dev"), "--image"));
        assertEquals("my-repram:dev", value(parsed("cluster up", "--cluster-size", "1", "--image", "my-repram:dev"), "--image"));
        assertEquals("repram-node:latest", value(parsed("cluster up", "--cluster-size", "1"), "--image"));
    }
}
