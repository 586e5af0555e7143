package io.repram.orchestrate.engine;

/**
 * What a node's {@code /v1/health} said, for readiness waits and their messages.
 *
 * @param problem what is wrong (e.g. "does not answer /v1/health"), or null when healthy
 * @param fix     the fix for that problem when it is known (e.g. a rate limiter), else null
 */
public record HealthAnswer(String problem, String fix) {
    public static final String NO_ANSWER = "does not answer /v1/health";
    public static final HealthAnswer HEALTHY = new HealthAnswer(null, null);
    static final HealthAnswer SILENT = new HealthAnswer(NO_ANSWER, null);

    public boolean healthy() {
        return problem == null;
    }

    /** The node answered, but not "healthy": a status, or a body that says something else. */
    public boolean answered() {
        return problem != null && !NO_ANSWER.equals(problem);
    }

    /** A non-2xx status; 429 means the node's rate limiter refuses the tool, which waiting never cures. */
    static HealthAnswer status(int status) {
        if (status == 429) {
            return new HealthAnswer("answered /v1/health with 429 Too Many Requests: its rate limiter refuses the tool's requests",
                    "Fix: set " + NodeEnv.RATE_LIMIT + " high in node.env (the tool passes " + NodeEnv.UNLIMITED_RATE
                            + "; upstream's node reads 0 as zero requests/s), or drop it from node.env.");
        }
        return new HealthAnswer("answered /v1/health with HTTP " + status, null);
    }

    static HealthAnswer body(String status) {
        return new HealthAnswer("answered /v1/health with status \"" + status + "\", not \"healthy\"", null);
    }
}
