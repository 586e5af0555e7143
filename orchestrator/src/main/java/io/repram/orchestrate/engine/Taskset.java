package io.repram.orchestrate.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU affinity of processes through util-linux's {@code taskset} (sched_setaffinity), which Java
 * has no API for: the process driver starts pinned nodes under it, and load.isolate pins this JVM.
 */
public final class Taskset {
    private static final Pattern LIST = Pattern.compile("affinity list:\\s*(\\S+)");

    private Taskset() {
    }

    /** Whether {@code taskset} is on the PATH. */
    public static boolean available() {
        return Executables.onPath("taskset");
    }

    /** The CPU list {@code pid} may run on, e.g. "0-3". */
    public static String affinity(long pid) throws EngineException {
        String out = run("-c", "-p", Long.toString(pid));
        Matcher m = LIST.matcher(out);
        if (!m.find()) throw new EngineException("taskset printed no affinity list: " + out.strip(), Reason.ERROR);
        return m.group(1);
    }

    /** Pins every thread of {@code pid} (and so the threads and processes it starts later) to {@code cpus}. */
    public static void pin(long pid, String cpus) throws EngineException {
        run("-a", "-c", "-p", cpus, Long.toString(pid));
    }

    private static String run(String... args) throws EngineException {
        String[] command = new String[args.length + 1];
        command[0] = "taskset";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new EngineException("`" + String.join(" ", command) + "` failed: " + out.strip(), Reason.ERROR);
            }
            return out;
        } catch (IOException e) {
            throw new EngineException("cannot run taskset: " + e.getMessage()
                    + ". Fix: install util-linux (apt-get install util-linux)", Reason.ERROR, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running taskset", Reason.INTERRUPTED, e);
        }
    }
}
