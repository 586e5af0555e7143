package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.docker.reaper.ReaperMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * This process's side of the reaper: starts the session's reaper container (Docker socket mounted,
 * port published on 127.0.0.1 only, AutoRemove) and holds a TCP connection to it for the engine's
 * life. When the process dies, however it dies, the kernel closes that connection and the reaper
 * removes the session {@value #GRACE_SECONDS} s later.
 */
public final class SessionReaper {
    static final int GRACE_SECONDS = 10;
    private static final long CONNECT_TIMEOUT_MILLIS = 30_000;
    private final DockerClient docker;
    private final String sessionId;
    private final String containerId;
    private final Socket socket;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean closing;

    private SessionReaper(DockerClient docker, String sessionId, String containerId, Socket socket) {
        this.docker = docker;
        this.sessionId = sessionId;
        this.containerId = containerId;
        this.socket = socket;
    }

    /** Builds the reaper image if needed, starts the reaper and connects to it (about 1 s once built). */
    static SessionReaper start(DockerClient docker, String sessionId, Consumer<String> progress) throws EngineException {
        String image = new ReaperImage(docker, progress).ensure();
        ExposedPort port = ExposedPort.tcp(ReaperMain.PORT);
        Ports ports = new Ports();
        ports.bind(port, Ports.Binding.bindIp("127.0.0.1"));
        HostConfig host = HostConfig.newHostConfig().withPortBindings(ports).withAutoRemove(true)
                .withBinds(new Bind(daemonSocketPath(System.getenv("DOCKER_HOST")), new Volume(ReaperMain.SOCKET_IN_CONTAINER)));
        String id = null;
        try {
            id = docker.createContainerCmd(image)
                    .withName("repram-reaper-" + sessionId)
                    .withLabels(labels(sessionId))
                    .withEnv(ReaperMain.ENV_SESSION + "=" + sessionId, ReaperMain.ENV_GRACE_SECONDS + "=" + GRACE_SECONDS)
                    .withExposedPorts(port)
                    .withHostConfig(host)
                    .exec().getId();
            docker.startContainerCmd(id).exec();
            Ports.Binding[] bound = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts()
                    .getBindings().get(port);
            int hostPort = Integer.parseInt(bound[0].getHostPortSpec());
            SessionReaper reaper = new SessionReaper(docker, sessionId, id, connect(id, hostPort, sessionId, docker));
            reaper.watch(progress);
            return reaper;
        } catch (EngineException e) {
            removeQuietly(docker, id);
            throw e;
        } catch (RuntimeException e) {
            removeQuietly(docker, id);
            throw DockerConnection.failed("Starting the session reaper", e);
        }
    }

    /**
     * {@link #start}, or null with a warning: without a reaper the tool still works, only a
     * SIGKILL would leave containers behind.
     */
    public static SessionReaper startOrWarn(DockerClient docker, String sessionId, Consumer<String> progress) {
        try {
            return start(docker, sessionId, progress);
        } catch (EngineException e) {
            progress.accept("WARN no session reaper (" + e.getMessage() + "): if this process is killed, its"
                    + " containers stay.\nFix: `repram-orchestrate cleanup` removes them.");
            return null;
        }
    }

    static Map<String, String> labels(String sessionId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(DockerLabels.SESSION, sessionId);
        labels.put(DockerLabels.ROLE, DockerLabels.ROLE_REAPER);
        labels.put(DockerLabels.REAPED, "true");
        return labels;
    }

    /** The daemon-side socket to mount: DOCKER_HOST's when it is a unix socket, else the default. */
    static String daemonSocketPath(String dockerHost) {
        if (dockerHost != null && dockerHost.startsWith("unix://")) return dockerHost.substring("unix://".length());
        return ReaperMain.SOCKET_IN_CONTAINER;
    }

    /** Retries until the reaper's JVM listens and confirms our session (the port answers before that). */
    private static Socket connect(String id, int hostPort, String sessionId, DockerClient docker) throws EngineException {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT_MILLIS * 1_000_000L;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress("127.0.0.1", hostPort), 2000);
                s.setSoTimeout(2000);
                s.getOutputStream().write((ReaperMain.HELLO + sessionId + "\n").getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if ((ReaperMain.OK + sessionId).equals(reply)) {
                    s.setSoTimeout(0);
                    s.setKeepAlive(true);
                    return s;
                }
                last = reply == null ? "connection closed" : reply;
            } catch (IOException e) {
                last = e.getMessage();
            }
            closeQuietly(s);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("interrupted while connecting to the session reaper", Reason.INTERRUPTED, e);
            }
        }
        throw new EngineException("The session reaper (container " + id.substring(0, 12) + ", 127.0.0.1:" + hostPort
                + ") did not answer in " + CONNECT_TIMEOUT_MILLIS / 1000 + " s: " + last + ". Its log:\n"
                + LogText.ofContainer(docker, id, 20), Reason.ERROR);
    }

    /** Reads the connection for the engine's life: its end before close() means the reaper went away. */
    private void watch(Consumer<String> progress) {
        Thread t = new Thread(() -> {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals(ReaperMain.DONE)) done.countDown();
                }
            } catch (IOException e) {
                // same as a closed connection
            }
            done.countDown();
            if (!closing) {
                progress.accept("WARN the session reaper (container " + containerId.substring(0, 12) + ") went away:"
                        + " if this process is killed now, its containers stay. Fix: `repram-orchestrate cleanup`.");
            }
        }, "repram-reaper-link");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Normal shutdown. With {@code finalSweep} the reaper removes whatever of the session is still
     * there (except keep=true) and exits; either way its container is then gone.
     */
    public void close(boolean finalSweep) {
        closing = true;
        if (finalSweep) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write((ReaperMain.REAP + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                done.await(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // the reaper is gone already: removing its container below is all that is left
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(socket);
        removeQuietly(docker, containerId);
    }

    public String containerId() {
        return containerId;
    }

    String sessionId() {
        return sessionId;
    }

    private static void removeQuietly(DockerClient docker, String id) {
        if (id == null) return;
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException | ConflictException gone) {
            // AutoRemove got there first (a conflict is its removal in progress)
        } catch (RuntimeException e) {
            System.err.println("WARN could not remove the session reaper " + id.substring(0, 12) + ": "
                    + DockerConnection.rootMessage(e));
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to release beyond the descriptor
        }
    }
}
