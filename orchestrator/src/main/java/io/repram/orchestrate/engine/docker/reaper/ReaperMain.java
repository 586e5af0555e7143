package io.repram.orchestrate.engine.docker.reaper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The reaper container's program (our stand-in for Testcontainers' Ryuk). It guards one session:
 * the orchestrator connects, says {@code session <id>} and keeps the connection open. When no
 * connection has been open for the grace period (the orchestrator was SIGKILLed), or on an explicit
 * {@code reap}, it force-removes every container and network with that session label, except
 * {@code keep=true} clusters and itself; then it exits and the daemon removes it (AutoRemove).
 * JDK only (java.base): the reaper image carries no other library.
 */
public final class ReaperMain {
    public static final int PORT = 7070;
    public static final String ENV_SESSION = "REPRAM_REAPER_SESSION";
    public static final String ENV_GRACE_SECONDS = "REPRAM_REAPER_GRACE_SECONDS";
    public static final String ENV_FIRST_CONTACT_SECONDS = "REPRAM_REAPER_FIRST_CONTACT_SECONDS";
    public static final String SOCKET_IN_CONTAINER = "/var/run/docker.sock";
    /** Label keys; must equal DockerLabels' (compile-time constants, so no class of the orchestrator is needed here). */
    public static final String LABEL_SESSION = "io.repram.orchestrate.session";
    public static final String LABEL_ROLE = "io.repram.orchestrate.role";
    public static final String LABEL_KEEP = "io.repram.orchestrate.keep";
    public static final String ROLE_REAPER = "reaper";
    public static final String HELLO = "session ";
    public static final String OK = "ok ";
    public static final String REAP = "reap";
    public static final String DONE = "done";

    private final String session;
    private final EngineApi api;
    private final Vigil vigil;

    ReaperMain(String session, EngineApi api, Vigil vigil) {
        this.session = session;
        this.api = api;
        this.vigil = vigil;
    }

    public static void main(String[] args) throws Exception {
        String session = System.getenv(ENV_SESSION);
        if (session == null || session.isBlank()) {
            System.err.println("reaper: " + ENV_SESSION + " is not set; nothing to guard");
            System.exit(2);
        }
        long grace = Long.parseLong(envOr(ENV_GRACE_SECONDS, "10")) * 1000;
        long firstContact = Long.parseLong(envOr(ENV_FIRST_CONTACT_SECONDS, "60")) * 1000;
        ReaperMain reaper = new ReaperMain(session, new EngineApi(SOCKET_IN_CONTAINER), new Vigil(grace, firstContact, System.nanoTime()));
        ServerSocket server = new ServerSocket(PORT);
        Thread acceptor = new Thread(() -> reaper.accept(server), "accept");
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println("reaper: guarding session " + session + " on port " + PORT + ", grace " + grace / 1000 + " s");
        while (!reaper.vigil.expired(System.nanoTime())) {
            Thread.sleep(200);
        }
        System.out.println("reaper: no orchestrator connected for " + (reaper.vigil.everConnected() ? grace : firstContact) / 1000
                + " s; reaping session " + session);
        reaper.reapTwice();
        System.exit(0);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private void accept(ServerSocket server) {
        while (true) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                System.err.println("reaper: accept failed: " + e.getMessage());
            }
        }
    }

    private void serve(Socket socket) {
        boolean counted = false;
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String hello = in.readLine();
            if (hello == null || !hello.equals(HELLO + session)) {
                // A stray client (or a port mix-up) must not keep this session alive.
                out.write(("error: this reaper guards session " + session + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            vigil.connected();
            counted = true;
            out.write((OK + session + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals(REAP)) {
                    // The orchestrator already stopped creating and removed its objects: one pass catches stragglers.
                    reap();
                    out.write((DONE + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    System.exit(0);
                }
            }
        } catch (IOException e) {
            // a reset connection is a gone orchestrator, exactly like a closed one
        } finally {
            if (counted) vigil.disconnected(System.nanoTime());
        }
    }

    /** A second pass catches objects whose create call was still in flight when the orchestrator died. */
    private synchronized void reapTwice() {
        reap();
        // Further passes: overlay networks stay busy for a few seconds after their swarm services go.
        for (int pass = 0; pass < 3; pass++) {
            try {
                Thread.sleep(pass == 0 ? 1000 : 3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reap();
        }
    }

    void reap() {
        String bySession = LABEL_SESSION + "=" + session;
        try {
            // Services first, or swarm would start new task containers for the ones removed below.
            List<String> services = new ArrayList<>(api.serviceIds(List.of(bySession)));
            services.removeAll(api.serviceIds(List.of(bySession, LABEL_KEEP + "=true")));
            for (String id : services) api.removeService(id);
            List<String> ids = new ArrayList<>(api.containerIds(List.of(bySession)));
            ids.removeAll(api.containerIds(List.of(bySession, LABEL_KEEP + "=true")));
            ids.removeAll(api.containerIds(List.of(bySession, LABEL_ROLE + "=" + ROLE_REAPER)));
            int removed = 0;
            for (String id : ids) {
                if (api.removeContainer(id)) removed++;
            }
            EngineApi.Response pruned = api.pruneNetworks(List.of(bySession), List.of(LABEL_KEEP + "=true"));
            System.out.println("reaper: session " + session + ": removed " + services.size() + " service(s), " + removed
                    + " container(s); networks: "
                    + (pruned.ok() ? pruned.body().strip() : "HTTP " + pruned.status() + " " + pruned.body().strip()));
        } catch (IOException e) {
            System.err.println("reaper: the Docker API failed: " + e.getMessage());
        }
    }
}
