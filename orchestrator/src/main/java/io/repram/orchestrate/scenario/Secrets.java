package io.repram.orchestrate.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Node environment values that must never reach results, logs or the screen: those of every
 * variable whose name contains SECRET, TOKEN, PASSWORD or KEY (case-insensitive), such as
 * {@code REPRAM_CLUSTER_SECRET}. Results keep the name with {@value #REDACTED} as the value, so a
 * reader still sees that a secret was set.
 */
public final class Secrets {
    public static final String REDACTED = "<redacted>";
    private static final List<String> MARKERS = List.of("SECRET", "TOKEN", "PASSWORD", "KEY");

    private Secrets() {
    }

    public static boolean isSecretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return MARKERS.stream().anyMatch(upper::contains);
    }

    /** The same variables, secret values replaced by {@value #REDACTED}. */
    public static Map<String, String> redact(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> out.put(k, isSecretName(k) ? REDACTED : v));
        return out;
    }

    /** The scenario as results may show it: node secrets redacted. */
    public static Scenario redact(Scenario s) {
        if (s.node().env().keySet().stream().noneMatch(Secrets::isSecretName)) return s;
        return s.withNode(s.node().withEnv(redact(s.node().env())));
    }

    /**
     * A scenario read back from run.json (for {@code --resume}) with each redacted value taken from
     * the orchestrator's own environment variable of the same name.
     *
     * @throws ScenarioException naming every secret the environment does not give, and the fix
     */
    public static Scenario restore(Scenario s, Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>(s.node().env());
        List<String> missing = new ArrayList<>();
        env.replaceAll((k, v) -> {
            if (!REDACTED.equals(v)) return v;
            String given = environment.get(k);
            if (given == null || given.isEmpty()) missing.add(k);
            return given;
        });
        if (!missing.isEmpty()) {
            throw new ScenarioException("run.json keeps the value of " + String.join(", ", missing)
                    + " redacted, so the run cannot be resumed without it.\nFix: export "
                    + String.join("=... ", missing) + "=... (the value the run started with) and resume again.");
        }
        if (env.equals(s.node().env())) return s;
        return s.withNode(s.node().withEnv(env));
    }
}
