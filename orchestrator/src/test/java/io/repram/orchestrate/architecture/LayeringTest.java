package io.repram.orchestrate.architecture;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the layers pointing one way (docs/architecture.md): no package cycles, and nothing outside
 * {@code cli} depends on {@code cli}. The self-checks prove the graph would see a violation.
 */
class LayeringTest {
    private static final String BASE = "io.repram.orchestrate";
    private static final Path MAIN = Path.of("src", "main", "java");

    @Test
    void orchestratorHasNoPackageCycles() {
        PackageGraph g = PackageGraph.of(MAIN, BASE);
        assertTrue(g.packages().size() > 10, "the source tree was not found: " + MAIN.toAbsolutePath());
        assertEquals(List.of(), g.cycles(), "package cycles; break them (see docs/architecture.md)");
    }

    @Test
    void nothingOutsideCliImportsCli() {
        PackageGraph g = PackageGraph.of(MAIN, BASE);
        assertTrue(g.packages().contains(BASE + ".cli"));
        assertEquals(List.of(), g.dependentsOf(BASE + ".cli"),
                "only cli may know cli: report a Reason and let cli map it to an exit code");
    }

    @Test
    void theGraphSeesACycleAndAnUpwardImport(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        write(tmp, "a/A.java", "package x.a;\nimport x.b.B;\nclass A { B b; }");
        write(tmp, "b/B.java", "package x.b;\nclass B { x.a.A a; }");
        write(tmp, "cli/C.java", "package x.cli;\nclass C {}");
        write(tmp, "c/D.java", "package x.c;\n// x.cli.C in a comment is no import\nclass D { String s = \"x.a.A\"; x.cli.C c; }");
        PackageGraph g = PackageGraph.of(tmp, "x");
        assertEquals(List.of(Set.of("x.a", "x.b")), g.cycles());
        assertEquals(List.of("x.c"), g.dependentsOf("x.cli"));
    }

    @Test
    void stringsAndCommentsAreNoDependencies(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        write(tmp, "a/A.java", "package x.a;\n/* x.b.B */ class A { String s = \"x.b.B\"; char q = '\"'; String t = \"\"\"\n x.b.B\n\"\"\"; }");
        write(tmp, "b/B.java", "package x.b;\nclass B { x.a.A a; }");
        assertEquals(List.of(), PackageGraph.of(tmp, "x").cycles());
    }

    private static void write(Path root, String rel, String text) throws Exception {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
