package io.repram.orchestrate.engine.docker;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionSweeperTest {
    private static Map<String, String> labels(String session, boolean reaped, boolean keep, String role) {
        Map<String, String> l = DockerLabels.reaped(DockerLabels.common(session, "r", "s", role, keep), reaped);
        return l;
    }

    @Test
    void sweepsOnlyReapedSessionsWithoutALiveReaper() {
        List<SessionSweeper.Seen> seen = List.of(
                SessionSweeper.Seen.of(labels("orphan", true, false, DockerLabels.ROLE_NODE), false),
                SessionSweeper.Seen.of(labels("orphan", true, false, DockerLabels.ROLE_NETWORK), false),
                SessionSweeper.Seen.of(labels("guarded", true, false, DockerLabels.ROLE_NODE), false),
                SessionSweeper.Seen.of(labels("guarded", true, false, DockerLabels.ROLE_REAPER), true),
                // a tool without a reaper, possibly still running: never ours to judge
                SessionSweeper.Seen.of(labels("legacy", false, false, DockerLabels.ROLE_NODE), false),
                // `cluster up` clusters outlive their session on purpose
                SessionSweeper.Seen.of(labels("kept", true, true, DockerLabels.ROLE_NODE), false));
        assertEquals(Set.of("orphan"), SessionSweeper.orphans(seen));
    }

    @Test
    void aSessionWhoseOnlyLeftoverIsItsDeadReaperIsSwept() {
        assertEquals(Set.of("s"), SessionSweeper.orphans(List.of(
                SessionSweeper.Seen.of(labels("s", true, false, DockerLabels.ROLE_REAPER), false))));
    }

    @Test
    void aReaperIsAliveWhenRunningOrStillStarting() {
        Instant now = Instant.ofEpochSecond(1_000_000);
        Map<String, String> reaper = SessionReaper.labels("s");
        assertTrue(SessionSweeper.liveReaper(reaper, "running", 0, now));
        assertTrue(SessionSweeper.liveReaper(reaper, "created", now.getEpochSecond() - 5, now));
        assertFalse(SessionSweeper.liveReaper(reaper, "created", now.getEpochSecond() - 600, now));
        assertFalse(SessionSweeper.liveReaper(reaper, "exited", now.getEpochSecond(), now));
        assertFalse(SessionSweeper.liveReaper(labels("s", true, false, DockerLabels.ROLE_NODE), "running", 0, now));
    }
}
