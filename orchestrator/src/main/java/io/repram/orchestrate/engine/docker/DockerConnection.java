package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.repram.orchestrate.engine.EngineException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.time.Duration;

/** Opens a docker-java client (zerodep transport, DOCKER_HOST honoured) and explains connection failures. */
public final class DockerConnection {
    private DockerConnection() {
    }

    /**
     * Connects and pings the daemon.
     *
     * @throws EngineException with {@link Reason#DAEMON_UNAVAILABLE} and the fix when the daemon
     *                         is down or its socket is not permitted
     */
    public static DockerClient open() throws EngineException {
        DefaultDockerClientConfig config;
        try {
            // Reads DOCKER_HOST (default unix:///var/run/docker.sock), DOCKER_TLS_VERIFY and DOCKER_CERT_PATH.
            config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        } catch (RuntimeException e) {
            throw new EngineException("Docker client configuration is invalid: " + e.getMessage()
                    + "\nFix: check DOCKER_HOST (e.g. unix:///var/run/docker.sock) and DOCKER_CERT_PATH.",
                    Reason.DAEMON_UNAVAILABLE, e);
        }
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(5))
                .build();
        DockerClient client = DockerClientImpl.getInstance(config, http);
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw unavailable(config.getDockerHost().toString(), e);
        }
        return client;
    }

    static EngineException unavailable(String host, Throwable e) {
        String detail = rootMessage(e);
        boolean denied = hasCause(e, AccessDeniedException.class) || detail.toLowerCase().contains("permission denied");
        String fix = denied
                ? "Fix: run as a user in the 'docker' group (sudo usermod -aG docker $USER, then log in again),"
                  + " or as root; or use --driver process to run the nodes without Docker."
                : "Fix: start the daemon with: dockerd --userland-proxy=false &"
                  + " (or: sudo systemctl start docker), check DOCKER_HOST;"
                  + " or use --driver process to run the nodes without Docker.";
        return new EngineException("Docker Engine at " + host + " is not reachable"
                + (denied ? " (permission denied on its socket)" : "") + ": " + detail + "\n" + fix,
                Reason.DAEMON_UNAVAILABLE, e);
    }

    /** An Engine API call failed after the connection was up: name the call and the daemon's words. */
    public static EngineException failed(String what, RuntimeException e) {
        if (!(e instanceof DockerException) && hasCause(e, IOException.class)) {
            return unavailable("DOCKER_HOST", e);
        }
        return new EngineException(what + " failed: " + rootMessage(e), Reason.ERROR, e);
    }

    public static String rootMessage(Throwable e) {
        Throwable t = e;
        String msg = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) msg = t.getMessage();
        }
        return msg == null ? e.getClass().getSimpleName() : msg.strip();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    public static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a client that failed to connect has nothing useful to report
        }
    }
}
