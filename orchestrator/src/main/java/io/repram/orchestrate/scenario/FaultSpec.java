package io.repram.orchestrate.scenario;

import java.time.Duration;

/**
 * A fault to apply during every cell of the scenario, {@code at} after the measured window starts.
 *
 * @param node a node index ("1"), "random" or "all-but-one"
 */
public record FaultSpec(Duration at, String action, String node) {
}
