package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import io.repram.orchestrate.engine.ClusterSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Copies node containers' whole logs into {@link ClusterSpec#logDir()} before the containers are
 * removed, so a failed run can still be diagnosed after the tool exits. Never throws: a log that
 * cannot be kept must not hide the failure being reported.
 */
final class NodeLogs {
    private NodeLogs() {
    }

    /** Appends each node container's log of cluster {@code clusterId} to {@code node-<i>.log}. */
    static void keep(DockerClient docker, String clusterId, ClusterSpec spec) {
        if (spec.logDir() == null) return;
        try {
            Files.createDirectories(spec.logDir());
        } catch (IOException e) {
            System.err.println("docker driver: cannot keep the node logs in " + spec.logDir() + ": " + e.getMessage());
            return;
        }
        for (int i = 0; i < spec.size(); i++) {
            String text = LogText.ofContainer(docker, NodeContainerPlan.containerName(clusterId, i), Integer.MAX_VALUE);
            try {
                Files.writeString(spec.nodeLog(i), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("docker driver: cannot write " + spec.nodeLog(i) + ": " + e.getMessage());
            }
        }
    }

    /** The line an error about a node adds, naming where its whole log is kept. */
    static String pointer(ClusterSpec spec) {
        return spec.logDir() == null ? "" : "\nThe nodes' whole logs are kept in " + spec.logDir() + " (node-<i>.log).";
    }
}
