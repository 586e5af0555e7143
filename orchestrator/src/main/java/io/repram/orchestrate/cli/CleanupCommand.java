package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.CleanupScope;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.Leftover;
import io.repram.orchestrate.engine.docker.DockerAdmin;
import io.repram.orchestrate.engine.docker.DockerCleanup;
import io.repram.orchestrate.engine.docker.DockerLabels;
import io.repram.orchestrate.engine.process.ProcessNodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code cleanup}: removes what this tool left behind, from every session or from one, after
 * showing it with {@code --dry-run} if asked. On a shared Docker daemon other people's live runs
 * carry the same labels, which is why the scope flags exist.
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Removes the containers, networks and swarm services labelled " + DockerLabels.SESSION
                + " and the process-driver node processes this tool started: of every session (running ones and"
                + " clusters kept by `cluster up` included), of one session with --session, or of one kept cluster"
                + " with --name. Finds them by label and command line only: nothing else is touched.",
                "--dry-run lists them, grouped by session and cluster, and removes nothing."},
        footer = {"%nExamples:",
                "  repram-orchestrate cleanup --dry-run            what there is, by session",
                "  repram-orchestrate cleanup --session ID         one session's objects",
                "  repram-orchestrate cleanup --name c1a2b3        one kept cluster",
                "  repram-orchestrate cleanup                      every session's objects",
                "%nExit codes: 0 ok (also when nothing matched), 2 bad input, 3 Docker",
                "  unavailable (process nodes are still handled)."})
public class CleanupCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "List what would be removed, grouped by session and cluster; remove nothing.")
    boolean dryRun;

    @Option(names = "--session", paramLabel = "ID",
            description = "Only this session's objects (the ids `cleanup --dry-run` shows).")
    String sessionId;

    @Option(names = "--name", paramLabel = "CLUSTER",
            description = "Only the objects of this cluster kept by `cluster up` (the ids `cluster ls` shows).")
    String keptCluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws EngineException {
        CleanupScope scope = scope();
        PrintWriter out = spec.commandLine().getOut();
        List<Leftover> done = new ArrayList<>(dryRun ? ProcessNodes.find(scope) : ProcessNodes.stop(scope));
        EngineException dockerDown = null;
        // A scope that matches nothing is most likely a typo: then say what there is.
        List<Leftover> elsewhere = new ArrayList<>();
        try (DockerAdmin docker = DockerAdmin.connect()) {
            done.addAll(dryRun ? docker.leftovers(scope) : removeFromDocker(docker, scope));
            if (done.isEmpty() && !scope.isEverything()) elsewhere.addAll(docker.leftovers(CleanupScope.everything()));
        } catch (EngineException e) {
            dockerDown = e;
        }
        if (done.isEmpty()) {
            out.println("Nothing of " + scope.describe() + " to remove" + (dockerDown != null ? " outside Docker." : "."));
            if (!scope.isEverything() && dockerDown == null) {
                elsewhere.addAll(ProcessNodes.find(CleanupScope.everything()));
                out.println(others(elsewhere));
            }
        } else {
            out.println((dryRun ? "Would remove" : "Removed") + " (" + scope.describe() + "):");
            print(out, done);
            out.println(summary(done) + (dryRun ? " Nothing was removed (--dry-run)." : ""));
        }
        out.flush();
        if (dockerDown != null) throw dockerDown;
        return ExitCodes.OK;
    }

    private CleanupScope scope() {
        if (sessionId != null && keptCluster != null) {
            throw new IllegalArgumentException("--session and --name exclude each other: clean up one session"
                    + " or one kept cluster");
        }
        if (sessionId != null && sessionId.isBlank() || keptCluster != null && keptCluster.isBlank()) {
            throw new IllegalArgumentException("--session and --name need an id; `cleanup --dry-run` lists them");
        }
        if (sessionId != null) return CleanupScope.session(sessionId);
        if (keptCluster != null) return CleanupScope.keptCluster(keptCluster);
        return CleanupScope.everything();
    }

    /** The leftovers found just before the removal that the removal reports gone. */
    private static List<Leftover> removeFromDocker(DockerAdmin docker, CleanupScope scope) {
        List<Leftover> found = docker.leftovers(scope);
        DockerCleanup.Removed removed = docker.remove(scope);
        Map<String, List<String>> byKind = Map.of("container", removed.containers(), "network", removed.networks(),
                "swarm service", removed.services());
        return found.stream().filter(l -> byKind.getOrDefault(l.kind(), List.of()).contains(l.name())).toList();
    }

    /** Session, then cluster, then the objects: a session's objects outside any cluster (its reaper) come first. */
    static void print(PrintWriter out, List<Leftover> leftovers) {
        Map<String, Map<String, List<Leftover>>> bySession = new TreeMap<>();
        for (Leftover l : leftovers) {
            bySession.computeIfAbsent(l.session(), s -> new TreeMap<>()).computeIfAbsent(l.run(), r -> new ArrayList<>()).add(l);
        }
        bySession.forEach((session, byRun) -> {
            out.println("  session " + (session.isEmpty() ? "(none)" : session));
            byRun.forEach((run, objects) -> {
                boolean kept = objects.stream().anyMatch(Leftover::kept);
                out.println("    " + (run.isEmpty() ? "not in a cluster" : "cluster " + run + (kept ? " (kept by `cluster up`)" : "")));
                objects.stream().sorted(java.util.Comparator.comparing(Leftover::kind).thenComparing(Leftover::name))
                        .forEach(o -> out.println("      " + o.kind() + " " + o.name()));
            });
        });
    }

    private static String summary(List<Leftover> leftovers) {
        Map<String, Integer> counts = new TreeMap<>();
        leftovers.forEach(l -> counts.merge(l.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(n + " " + kind + "(s)"));
        Set<String> sessions = new TreeSet<>();
        leftovers.forEach(l -> sessions.add(l.session()));
        return String.join(", ", parts) + " of " + sessions.size() + " session(s).";
    }

    private static String others(List<Leftover> everything) {
        Set<String> sessions = new TreeSet<>();
        Set<String> kept = new TreeSet<>();
        for (Leftover l : everything) {
            sessions.add(l.session());
            if (l.kept()) kept.add(l.run());
        }
        return "Sessions with objects: " + (sessions.isEmpty() ? "none" : String.join(", ", sessions))
                + "; kept clusters: " + (kept.isEmpty() ? "none" : String.join(", ", kept)) + ".";
    }
}
