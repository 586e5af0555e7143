package io.repram.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/** {@code java -jar repram-node.jar}: configuration comes from the REPRAM_* environment variables. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        // slf4j-simple reads its level once, at the first logger; set it before anything logs.
        String level = env.getOrDefault("REPRAM_LOG_LEVEL", "info").trim().toLowerCase(Locale.ROOT);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level.equals("warning") ? "warn" : level);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "warn");
        // NIO copies a heap buffer into a temporary direct buffer of the whole write's size and keeps
        // it per thread: a 10 MiB GET would pin 10 MiB of direct memory in each request thread,
        // outside the storage budget. Larger ones are freed after use. Read once, before any socket.
        if (System.getProperty("jdk.nio.maxCachedBufferSize") == null) {
            System.setProperty("jdk.nio.maxCachedBufferSize", Integer.toString(256 * 1024));
        }

        NodeConfig cfg = NodeConfig.fromEnv(env);
        RepramNode node;
        try {
            node = RepramNode.start(cfg);
        } catch (RuntimeException e) {
            System.err.println("repram-node: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "shutdown"));
        if (cfg.exitOnStdinEof()) {
            watchStdin();
        }
    }

    /** The parent holds our stdin; when it dies the pipe closes and we must not outlive it. */
    private static void watchStdin() {
        Thread t = new Thread(() -> {
            try {
                InputStream in = System.in;
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                    // input is ignored: only the end of the stream matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as EOF here
            }
            System.exit(0);
        }, "stdin-watch");
        t.setDaemon(true);
        t.start();
    }
}
