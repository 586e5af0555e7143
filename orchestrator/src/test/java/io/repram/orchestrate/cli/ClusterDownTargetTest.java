package io.repram.orchestrate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which cluster a bare `cluster down` may remove, and where the last `cluster up` is recorded. */
class ClusterDownTargetTest {
    private static final Path FILE = Path.of("/home/u/.local/state/repram-orchestrate/last-cluster");

    @Test
    void theOnlyKeptClusterIsRemovedWhenThisUsersLastClusterUpMadeIt() {
        assertEquals("c1", ClusterCommand.Down.bareDownTarget(List.of("c1"), Optional.of("c1"), FILE));
    }

    @Test
    void aClusterSomeoneElseMadeIsRefusedWithItsIdAndHowToNameIt() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> ClusterCommand.Down.bareDownTarget(List.of("c1"), Optional.of("c9"), FILE)).getMessage();
        assertTrue(message.contains("c1 was not made by your last `cluster up` (that made c9)")
                && message.contains("repram-orchestrate cluster down c1"), message);
        String nothingRecorded = assertThrows(IllegalArgumentException.class,
                () -> ClusterCommand.Down.bareDownTarget(List.of("c1"), Optional.empty(), FILE)).getMessage();
        assertTrue(nothingRecorded.contains("none is recorded in " + FILE), nothingRecorded);
    }

    @Test
    void severalKeptClustersAreRefusedEvenWhenOneIsThisUsers() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> ClusterCommand.Down.bareDownTarget(List.of("c1", "c2"), Optional.of("c2"), FILE)).getMessage();
        assertTrue(message.startsWith("several clusters are up: c1, c2 (your last `cluster up` made c2)."), message);
        assertTrue(message.contains("repram-orchestrate cluster down c2 (or --all for every one)."),
                "the example names the user's own cluster: " + message);
    }

    @Test
    void theRecordLivesInThePropertyDirOrTheEnvDirOrXdgStateOrHome() {
        assertEquals(Path.of("/p/last-cluster"), LastCluster.file("/p", Map.of(LastCluster.DIR_ENV, "/e"), "/h"));
        assertEquals(Path.of("/e/last-cluster"), LastCluster.file(null, Map.of(LastCluster.DIR_ENV, "/e", "XDG_STATE_HOME", "/x"), "/h"));
        assertEquals(Path.of("/x/repram-orchestrate/last-cluster"), LastCluster.file(null, Map.of("XDG_STATE_HOME", "/x"), "/h"));
        assertEquals(Path.of("/h/.local/state/repram-orchestrate/last-cluster"), LastCluster.file(null, Map.of(), "/h"));
    }

    @Test
    void whatIsWrittenIsReadBack(@TempDir Path dir) {
        System.setProperty(LastCluster.DIR_PROPERTY, dir.resolve("state").toString());
        try {
            assertEquals(Optional.empty(), LastCluster.read());
            assertEquals(Optional.empty(), LastCluster.write("c1a2b3"));
            assertEquals(Optional.of("c1a2b3"), LastCluster.read());
            LastCluster.write("d4e5f6");
            assertEquals(Optional.of("d4e5f6"), LastCluster.read(), "the last one wins");
        } finally {
            System.clearProperty(LastCluster.DIR_PROPERTY);
        }
    }
}
