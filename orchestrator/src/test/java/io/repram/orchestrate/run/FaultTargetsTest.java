package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.FaultAction;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultTargetsTest {

    @Test
    void anIndexTargetsThatNode() {
        assertEquals(List.of(2), FaultTargets.resolve("2", 3, new SplittableRandom(1)));
    }

    @Test
    void allButOneSparesNodeZero() {
        assertEquals(List.of(1, 2, 3, 4), FaultTargets.resolve("all-but-one", 5, new SplittableRandom(1)));
        assertEquals(List.of(), FaultTargets.resolve("all-but-one", 1, new SplittableRandom(1)));
    }

    @Test
    void randomPicksOneNodeOfTheClusterRepeatablyPerSeed() {
        Set<Integer> seen = new HashSet<>();
        for (int seed = 0; seed < 200; seed++) {
            List<Integer> pick = FaultTargets.resolve("random", 3, new SplittableRandom(seed));
            assertEquals(1, pick.size());
            assertEquals(pick, FaultTargets.resolve("random", 3, new SplittableRandom(seed)));
            seen.addAll(pick);
        }
        assertEquals(Set.of(0, 1, 2), seen);
    }

    @Test
    void anIndexOutsideTheClusterIsRefusedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaultTargets.resolve("3", 3, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("nodes 0..2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FaultTargets.resolve("first", 3, new SplittableRandom(1)));
    }

    @Test
    void actionNamesMapToEngineActionsBothWays() {
        for (FaultAction a : FaultAction.values()) {
            assertEquals(a, FaultTargets.action(FaultTargets.name(a)));
        }
        assertEquals(FaultAction.DISCONNECT, FaultTargets.action("disconnect"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultTargets.action("freeze"));
        assertTrue(e.getMessage().contains("pause"), e.getMessage());
    }

    @Test
    void impairmentsAreUndoneUnpauseFirstThenReconnectThenStart() {
        NodeImpairments state = new NodeImpairments();
        state.applied(2, FaultAction.KILL);
        state.applied(1, FaultAction.DISCONNECT);
        state.applied(1, FaultAction.PAUSE);
        state.applied(0, FaultAction.PAUSE);
        state.applied(0, FaultAction.UNPAUSE);
        assertEquals(List.of(new NodeImpairments.Restoration(1, FaultAction.UNPAUSE),
                new NodeImpairments.Restoration(1, FaultAction.RECONNECT),
                new NodeImpairments.Restoration(2, FaultAction.START)), state.restorations());
        assertTrue(state.isDown(2) && state.isImpaired(1) && !state.isImpaired(0) && state.wasTouched(0));
        state.applied(2, FaultAction.RESTART);
        assertTrue(!state.isDown(2) && state.wasTouched(2));
    }
}
