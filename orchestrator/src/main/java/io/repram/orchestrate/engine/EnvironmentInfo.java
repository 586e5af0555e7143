package io.repram.orchestrate.engine;

/**
 * @param engineVersion e.g. the Docker Engine version, or the JVM version for the process driver
 * @param imageId       the node image id (docker) or the node jar's SHA-256 (process)
 */
public record EnvironmentInfo(String driver, String engineVersion, int cores, long memoryBytes, String imageId) {
}
