package io.repram.orchestrate.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tells whether dockerd runs its userland proxy, which put published ports at ~1/3 of the direct
 * throughput here. The Engine API does not expose the setting, so this reads the local dockerd's
 * command line and daemon.json, and falls back to looking for docker-proxy processes.
 */
public final class UserlandProxyCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UserlandProxyCheck() {
    }

    /** true = proxy on, false = off, empty = cannot tell (remote daemon, other PID namespace). */
    public static Optional<Boolean> detect() {
        List<List<String>> processes = processes();
        for (List<String> argv : processes) {
            if (!argv.isEmpty() && Path.of(argv.get(0)).getFileName().toString().equals("dockerd")) {
                String configFile = option(argv, "--config-file").orElse("/etc/docker/daemon.json");
                String daemonJson = null;
                try {
                    daemonJson = Files.readString(Path.of(configFile));
                } catch (IOException ignored) {
                    // no daemon.json: the default applies
                }
                return Optional.of(enabled(argv, daemonJson));
            }
        }
        boolean proxies = processes.stream().anyMatch(a -> !a.isEmpty() && a.get(0).endsWith("docker-proxy"));
        return proxies ? Optional.of(true) : Optional.empty();
    }

    /** dockerd's flag wins over daemon.json; both absent means the default, which is "on". */
    static boolean enabled(List<String> dockerdArgv, String daemonJson) {
        Optional<String> flag = option(dockerdArgv, "--userland-proxy");
        if (flag.isPresent()) return !flag.get().equalsIgnoreCase("false");
        if (dockerdArgv.contains("--userland-proxy")) return true;
        if (daemonJson != null && !daemonJson.isBlank()) {
            try {
                JsonNode v = JSON.readTree(daemonJson).get("userland-proxy");
                if (v != null && v.isBoolean()) return v.booleanValue();
            } catch (IOException ignored) {
                // a broken daemon.json would stop dockerd from starting; treat it as absent
            }
        }
        return true;
    }

    /** Value of "--name=value" or "--name value" (when the next word is not an option). */
    static Optional<String> option(List<String> argv, String name) {
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith(name + "=")) return Optional.of(a.substring(name.length() + 1));
            if (a.equals(name) && i + 1 < argv.size() && !argv.get(i + 1).startsWith("-")) {
                String next = argv.get(i + 1);
                if (next.equals("true") || next.equals("false") || !name.equals("--userland-proxy")) return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    private static List<List<String>> processes() {
        List<List<String>> all = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (!cmdline.isEmpty()) all.add(Arrays.asList(cmdline.split("\0")));
                } catch (IOException | RuntimeException ignored) {
                    // the process ended while we looked
                }
            });
        } catch (IOException ignored) {
            // no /proc (not Linux): nothing to tell
        }
        return all;
    }
}
