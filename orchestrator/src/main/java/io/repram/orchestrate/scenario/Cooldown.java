package io.repram.orchestrate.scenario;

import java.time.Duration;

public record Cooldown(Duration betweenScenarios, Duration betweenClusterSizes) {
}
