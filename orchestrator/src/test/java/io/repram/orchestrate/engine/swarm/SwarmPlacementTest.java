package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Swarm refuses host networking and CPU pinning with a named reason (exit 2), and takes the rest. */
class SwarmPlacementTest {
    private static final ClusterSpec SPEC = new ClusterSpec("r1", "s", 3, "img", Map.of(), null, null, 0,
            Duration.ofSeconds(5));

    @Test
    void hostNetworkingAndCpuPinningAreRefused() throws EngineException {
        EngineException host = assertThrows(EngineException.class,
                () -> SwarmEngine.refusePlacement(SPEC.withPlacement(NetworkMode.HOST, List.of())));
        assertEquals(Reason.BAD_INPUT, host.reason());
        assertTrue(host.getMessage().contains("node.network host is refused by --driver swarm")
                && host.getMessage().contains("overlay network"), host.getMessage());
        EngineException pinned = assertThrows(EngineException.class,
                () -> SwarmEngine.refusePlacement(SPEC.withPlacement(null, List.of("1"))));
        assertEquals(Reason.BAD_INPUT, pinned.reason());
        assertTrue(pinned.getMessage().contains("swarm services have no cpuset"), pinned.getMessage());
        SwarmEngine.refusePlacement(SPEC);
        SwarmEngine.refusePlacement(SPEC.withPlacement(NetworkMode.BRIDGE, List.of()));
    }
}
