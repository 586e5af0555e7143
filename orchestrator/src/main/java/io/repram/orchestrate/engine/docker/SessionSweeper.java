package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The start-up sweep: removes sessions whose reaper is gone (their process was killed and the
 * reaper died too, or the daemon restarted). Only sessions marked {@link DockerLabels#REAPED} are
 * candidates, {@code keep=true} clusters are never touched, and a reaper still starting counts as
 * alive.
 */
public final class SessionSweeper {
    /** A reaper container younger than this is alive even if not running yet (its engine is starting). */
    static final Duration STARTING_REAPER = Duration.ofSeconds(60);

    private SessionSweeper() {
    }

    /** One labelled container or network, reduced to what the sweep decides on. */
    record Seen(String session, boolean reaped, boolean keep, boolean liveReaper) {
        static Seen of(Map<String, String> labels, boolean liveReaper) {
            Map<String, String> l = labels == null ? Map.of() : labels;
            return new Seen(l.get(DockerLabels.SESSION), "true".equals(l.get(DockerLabels.REAPED)),
                    "true".equals(l.get(DockerLabels.KEEP)), liveReaper);
        }
    }

    /** Sessions with something to remove (reaped, not kept) and no live reaper. */
    static Set<String> orphans(List<Seen> objects) {
        Set<String> alive = new TreeSet<>();
        Set<String> candidates = new TreeSet<>();
        for (Seen o : objects) {
            if (o.session() == null) continue;
            if (o.liveReaper()) alive.add(o.session());
            else if (o.reaped() && !o.keep()) candidates.add(o.session());
        }
        candidates.removeAll(alive);
        return candidates;
    }

    static boolean liveReaper(Map<String, String> labels, String state, long createdEpochSeconds, Instant now) {
        if (labels == null || !DockerLabels.ROLE_REAPER.equals(labels.get(DockerLabels.ROLE))) return false;
        if ("running".equalsIgnoreCase(state)) return true;
        return "created".equalsIgnoreCase(state)
                && Duration.between(Instant.ofEpochSecond(createdEpochSeconds), now).compareTo(STARTING_REAPER) < 0;
    }

    /** Sweeps and tells {@code say} in one line; a failed sweep is a warning, never fatal. */
    public static void sweepAndSay(DockerClient docker, java.util.function.Consumer<String> say) {
        try {
            String swept = sweep(docker);
            if (swept != null) say.accept(swept);
        } catch (RuntimeException e) {
            say.accept("WARN the sweep of orphaned sessions failed: " + DockerConnection.rootMessage(e)
                    + "\nFix: `repram-orchestrate cleanup` removes every labelled container and network.");
        }
    }

    /** Sweeps and returns one line for the user, or null when there was nothing to sweep. */
    static String sweep(DockerClient docker) {
        DockerCleanup cleanup = new DockerCleanup(docker);
        List<String> bySession = List.of(DockerLabels.SESSION);
        Instant now = Instant.now();
        List<Seen> seen = new ArrayList<>();
        for (Container c : cleanup.containers(bySession)) {
            long created = c.getCreated() == null ? 0 : c.getCreated();
            seen.add(Seen.of(c.getLabels(), liveReaper(c.getLabels(), c.getState(), created, now)));
        }
        for (Network n : cleanup.networks(bySession)) {
            seen.add(Seen.of(n.getLabels(), false));
        }
        for (var s : cleanup.services(bySession)) {
            seen.add(Seen.of(s.getSpec() == null ? null : s.getSpec().getLabels(), false));
        }
        Set<String> orphans = orphans(seen);
        if (orphans.isEmpty()) return null;
        int containers = 0;
        int networks = 0;
        int services = 0;
        for (String session : orphans) {
            DockerCleanup.Removed removed = cleanup.remove(List.of(DockerLabels.filter(DockerLabels.SESSION, session)),
                    labels -> "true".equals(labels.get(DockerLabels.KEEP)));
            containers += removed.containers().size();
            networks += removed.networks().size();
            services += removed.services().size();
        }
        return "Swept " + orphans.size() + " session(s) whose reaper is gone: " + containers + " container(s), "
                + networks + " network(s), " + services + " service(s) " + orphans;
    }
}
