package io.repram.orchestrate.scenario;

import io.repram.orchestrate.scenario.YamlTree.MapNode;
import io.repram.orchestrate.scenario.YamlTree.Node;
import io.repram.orchestrate.scenario.YamlTree.Scalar;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Loads and validates a scenario file. Every problem is collected and reported at once as
 * {@code file:line:column: message} with the allowed values; a file with any problem yields a
 * {@link ScenarioException} and nothing starts. Unknown keys are always rejected, at every level,
 * so a typo never silently falls back to a default.
 */
public final class ScenarioLoader {

    static final List<String> TOP_KEYS = List.of("name", "image", "matrix", "duration", "warmup", "cooldown",
            "workload", "node", "thresholds", "faults", "load", "repeat", "repeat_fresh_cluster", "search");
    static final List<String> MATRIX_KEYS = List.of("cluster_sizes", "concurrency", "payload_bytes");
    static final List<String> COOLDOWN_KEYS = List.of("between_scenarios", "between_cluster_sizes");
    static final List<String> WORKLOAD_KEYS = List.of("put_percent", "ttl_seconds", "key_space", "rate", "targets");
    static final List<String> NODE_KEYS = List.of("env", "cpus", "memory", "network", "cpuset");
    static final List<String> LOAD_KEYS = List.of("agents", "isolate");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String fileName;
    private final Problems problems;
    private final ValueReader values;
    private final Consumer<String> warnings;

    private ScenarioLoader(String fileName, Consumer<String> warnings) {
        this.fileName = fileName;
        this.problems = new Problems(fileName);
        this.values = new ValueReader(problems);
        this.warnings = warnings;
    }

    /** Loads {@code file}; warnings (accepted but doubtful values) go to stderr. */
    public static Scenario load(Path file) {
        return load(file, w -> System.err.println("warning: " + w));
    }

    /**
     * @param warnings receives accepted-but-doubtful values, e.g. a TTL that upstream nodes raise
     * @throws ScenarioException listing every problem, ready to print
     */
    public static Scenario load(Path file, Consumer<String> warnings) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such scenario file; the shipped ones are in scenarios/ "
                    + "(quick.yaml, full.yaml, stress.yaml, smoke.yaml)");
        } catch (CharacterCodingException e) {
            throw notText(file);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read the scenario file: " + e.getMessage());
        }
        if (text.indexOf('\0') >= 0) throw notText(file);
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(new StringReader(text), file.toString(), base, warnings);
    }

    /** A binary file (an archive, a jar, a results file) passed where a scenario belongs. */
    private static ScenarioException notText(Path file) {
        return new ScenarioException(file + ": not a text file (it holds bytes that are not UTF-8 text), so it"
                + " cannot be a YAML scenario. Fix: pass a scenario file such as scenarios/quick.yaml");
    }

    /** Parses YAML text; {@code fileName} is used in messages, {@code defaultName} when the file has no name. */
    public static Scenario parse(Reader yaml, String fileName, String defaultName, Consumer<String> warnings) {
        return new ScenarioLoader(fileName, warnings).read(yaml, defaultName);
    }

    private Scenario read(Reader yaml, String defaultName) {
        Node root = YamlTree.parse(yaml, problems);
        problems.throwIfAny();
        MapNode top = values.mapping(root, "a scenario file", TOP_KEYS);
        problems.throwIfAny();

        String name = get(top, "name", n -> nameOf(n), defaultName);
        String image = get(top, "image", n -> values.string(n, "image"), ScenarioDefaults.IMAGE);
        Matrix matrix = get(top, "matrix", this::matrix, ScenarioDefaults.matrix());
        MeasurementReader measured = new MeasurementReader(values);
        MeasurementReader.Window adaptive = get(top, "duration",
                n -> MeasurementReader.isMap(n) ? measured.adaptiveDuration(n) : null, null);
        Duration duration = adaptive != null ? adaptive.length() : get(top, "duration", n -> MeasurementReader.isMap(n)
                ? null : values.duration(n, "duration", ScenarioDefaults.MIN_DURATION, ScenarioDefaults.MAX_DURATION),
                ScenarioDefaults.DURATION);
        MeasurementReader.Window stable = get(top, "warmup",
                n -> MeasurementReader.isMap(n) ? measured.stableWarmup(n) : null, null);
        Duration warmup = stable != null ? stable.length() : get(top, "warmup", n -> MeasurementReader.isMap(n)
                ? null : values.duration(n, "warmup", Duration.ZERO, ScenarioDefaults.MAX_WARMUP_OR_COOLDOWN),
                ScenarioDefaults.WARMUP);
        Measurement measurement = new Measurement(get(top, "repeat", measured::repeat, ScenarioDefaults.REPEAT),
                get(top, "repeat_fresh_cluster", measured::freshCluster, false),
                adaptive == null ? null : adaptive.min(), adaptive == null ? null : adaptive.precisionPercent(),
                stable != null);
        Cooldown cooldown = get(top, "cooldown", this::cooldown, ScenarioDefaults.cooldown());
        Workload workload = get(top, "workload", this::workload, ScenarioDefaults.workload());
        NodeSettings node = get(top, "node", this::node, ScenarioDefaults.node());
        Map<String, String> thresholds = get(top, "thresholds", this::thresholds, Map.of());
        List<FaultSpec> faults = get(top, "faults",
                n -> new FaultReader(values).read(n, duration, matrix.clusterSizes()), List.of());
        LoadSettings load = get(top, "load", this::load, ScenarioDefaults.load());
        int fewestWorkers = matrix.concurrency().stream().mapToInt(Integer::intValue).min().orElse(1);
        if (load.agents() > fewestWorkers) {
            values.problem(top.entries().get("load").value(), "load.agents " + load.agents() + " is more than the "
                    + "smallest matrix.concurrency " + fewestWorkers + "; every agent needs at least one worker");
        }
        SearchSpec search = get(top, "search", n -> new SearchReader(values).read(n), null);
        if (search != null) SearchReader.checkCombination(values, top, workload, faults);

        node = NodePlacementRules.check(node, load, faults, top, values);

        problems.throwIfAny();
        return new Scenario(name, image, matrix, duration, warmup, cooldown, workload, node, thresholds, faults, load,
                measurement, search);
    }

    /** The value of {@code key}, or the default when absent or (after a reported problem) invalid. */
    private static <T> T get(MapNode map, String key, java.util.function.Function<Node, T> reader, T fallback) {
        if (map == null || !map.entries().containsKey(key)) {
            return fallback;
        }
        T value = reader.apply(map.entries().get(key).value());
        return value == null ? fallback : value;
    }

    private String nameOf(Node n) {
        String name = values.string(n, "name");
        if (name != null && !NAME.matcher(name).matches()) {
            values.problem(n, "name '" + name + "' may hold only letters, digits, '_', '.' and '-' "
                    + "(up to 63, starting with a letter or digit), since it names containers and results");
            return null;
        }
        return name;
    }

    private Matrix matrix(Node n) {
        MapNode m = values.mapping(n, "matrix", MATRIX_KEYS);
        return new Matrix(
                get(m, "cluster_sizes", v -> values.integers(v, "matrix.cluster_sizes",
                        ScenarioDefaults.MIN_CLUSTER_SIZE, ScenarioDefaults.MAX_CLUSTER_SIZE), ScenarioDefaults.CLUSTER_SIZES),
                get(m, "concurrency", v -> values.integers(v, "matrix.concurrency",
                        ScenarioDefaults.MIN_CONCURRENCY, ScenarioDefaults.MAX_CONCURRENCY), ScenarioDefaults.CONCURRENCY),
                get(m, "payload_bytes", v -> values.integers(v, "matrix.payload_bytes",
                        0, ScenarioDefaults.MAX_PAYLOAD_BYTES), ScenarioDefaults.PAYLOAD_BYTES));
    }

    private Cooldown cooldown(Node n) {
        MapNode m = values.mapping(n, "cooldown", COOLDOWN_KEYS);
        return new Cooldown(
                get(m, "between_scenarios", v -> values.duration(v, "cooldown.between_scenarios",
                        Duration.ZERO, ScenarioDefaults.MAX_WARMUP_OR_COOLDOWN), ScenarioDefaults.BETWEEN_SCENARIOS),
                get(m, "between_cluster_sizes", v -> values.duration(v, "cooldown.between_cluster_sizes",
                        Duration.ZERO, ScenarioDefaults.MAX_WARMUP_OR_COOLDOWN), ScenarioDefaults.BETWEEN_CLUSTER_SIZES));
    }

    private Workload workload(Node n) {
        MapNode m = values.mapping(n, "workload", WORKLOAD_KEYS);
        int putPercent = get(m, "put_percent", v -> values.integer(v, "workload.put_percent", 0, 100),
                ScenarioDefaults.PUT_PERCENT);
        int ttl = get(m, "ttl_seconds", v -> values.integer(v, "workload.ttl_seconds", 1,
                ScenarioDefaults.MAX_TTL_SECONDS), ScenarioDefaults.TTL_SECONDS);
        if (ttl < ScenarioDefaults.UPSTREAM_MIN_TTL_SECONDS) {
            warnings.accept(fileName + ":" + m.entries().get("ttl_seconds").value().position().line()
                    + ": workload.ttl_seconds " + ttl + " is below " + ScenarioDefaults.UPSTREAM_MIN_TTL_SECONDS
                    + "; upstream REPRAM nodes raise it to " + ScenarioDefaults.UPSTREAM_MIN_TTL_SECONDS + " s");
        }
        int keySpace = get(m, "key_space", v -> values.integer(v, "workload.key_space", 1, Integer.MAX_VALUE),
                ScenarioDefaults.KEY_SPACE);
        Integer rate = get(m, "rate", v -> ValueReader.isNull(v) ? null
                : values.integer(v, "workload.rate (requests per second, or null for closed loop)", 1,
                ScenarioDefaults.MAX_RATE_PER_SECOND), ScenarioDefaults.RATE_PER_SECOND);
        Workload.Targets targets = get(m, "targets", this::targets, ScenarioDefaults.TARGETS);
        return new Workload(putPercent, ttl, keySpace, rate, targets);
    }

    private LoadSettings load(Node n) {
        MapNode m = values.mapping(n, "load", LOAD_KEYS);
        Integer agents = get(m, "agents", v -> values.integer(v, "load.agents", ScenarioDefaults.MIN_AGENTS,
                ScenarioDefaults.MAX_AGENTS), ScenarioDefaults.AGENTS);
        Boolean isolate = get(m, "isolate", v -> values.bool(v, "load.isolate"), false);
        return agents == null || isolate == null ? null : new LoadSettings(agents, isolate);
    }

    private Workload.Targets targets(Node v) {
        String text = values.string(v, "workload.targets");
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "all" -> Workload.Targets.ALL;
            case "first" -> Workload.Targets.FIRST;
            default -> {
                values.problem(v, "workload.targets '" + text + "' is not allowed; use all (spread over every node) "
                        + "or first (everything to node 0, as the old framework did)");
                yield null;
            }
        };
    }

    private NodeSettings node(Node n) {
        MapNode m = values.mapping(n, "node", NODE_KEYS);
        Map<String, String> env = get(m, "env", this::env, Map.of());
        Double cpus = get(m, "cpus", v -> ValueReader.isNull(v) ? null
                : values.decimal(v, "node.cpus", 0, ScenarioDefaults.MAX_CPUS), null);
        Long memory = get(m, "memory", v -> ValueReader.isNull(v) ? null : memory(v), null);
        String network = get(m, "network", v -> ValueReader.isNull(v) ? null : values.choice(v, "node.network",
                ScenarioDefaults.NETWORKS), null);
        String cpuset = get(m, "cpuset", v -> ValueReader.isNull(v) ? null
                : values.parsed(v, "node.cpuset", t -> CpuSet.format(CpuSet.parse(t)), CpuSet.FORMS), null);
        return new NodeSettings(env, cpus, memory, network, cpuset);
    }

    private Long memory(Node v) {
        Long bytes = values.parsed(v, "node.memory", Units::parseMemoryBytes, Units.MEMORY_FORMS);
        if (bytes != null && bytes < ScenarioDefaults.MIN_MEMORY_BYTES) {
            values.problem(v, "node.memory " + bytes + " bytes is below Docker's minimum of 6m; "
                    + "give at least 6m (a JVM node wants 64m or more)");
            return null;
        }
        return bytes;
    }

    private Map<String, String> env(Node n) {
        if (ValueReader.isNull(n)) {
            return Map.of();
        }
        if (!(n instanceof MapNode m)) {
            values.problem(n, "node.env must be a mapping of NAME: value, not " + n.kind());
            return null;
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (YamlTree.Entry e : m.entries().values()) {
            if (!ENV_NAME.matcher(e.key()).matches()) {
                problems.add(e.keyPosition(), "node.env name '" + e.key()
                        + "' is not a valid environment variable name (letters, digits, '_')");
            } else if (e.value() instanceof Scalar s && !s.isNull()) {
                env.put(e.key(), s.text());
            } else {
                values.problem(e.value(), "node.env." + e.key() + " must be a plain value (quote it: \"3\"), not "
                        + e.value().kind());
            }
        }
        return env;
    }

    private Map<String, String> thresholds(Node n) {
        if (ValueReader.isNull(n)) {
            return Map.of();
        }
        if (!(n instanceof MapNode m)) {
            values.problem(n, "thresholds must be a mapping of metric: \"expression\", e.g. p99_ms: \"<= 50\"; "
                    + "allowed metrics: " + String.join(", ", ThresholdMetric.keys()));
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (YamlTree.Entry e : m.entries().values()) {
            if (ThresholdMetric.byKey(e.key()).isEmpty()) {
                problems.add(e.keyPosition(), "unknown threshold '" + e.key() + "'"
                        + Suggest.didYouMean(e.key(), ThresholdMetric.keys())
                        + "; allowed: " + String.join(", ", ThresholdMetric.keys()));
                continue;
            }
            if (!(e.value() instanceof Scalar s) || s.isNull() || s.isNumber()) {
                values.problem(e.value(), "threshold " + e.key() + " must be " + Threshold.EXPRESSION_FORMS
                        + ", not " + e.value().kind());
                continue;
            }
            try {
                Threshold t = Threshold.parse(e.key(), s.text());
                out.put(e.key(), t.expression());
            } catch (IllegalArgumentException bad) {
                values.problem(s, bad.getMessage());
            }
        }
        return out;
    }
}
