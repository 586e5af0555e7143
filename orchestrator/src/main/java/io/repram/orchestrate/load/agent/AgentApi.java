package io.repram.orchestrate.load.agent;

/**
 * The paths of the agent's control API, for {@link AgentServer} and the orchestrator's client alike.
 * {@code engine.swarm.ServiceSpecs} health-checks {@link #STATUS} with its own literal, because
 * {@code engine} sits below {@code load}; a test there keeps the two equal.
 */
public final class AgentApi {

    /** {@code GET}: the agent's {@link AgentWire.Status}; answers as soon as the agent serves. */
    public static final String STATUS = "/v1/agent";
    /** {@code POST} a {@link LoadPlan}. */
    public static final String PLAN = STATUS + "/plan";
    /** {@code GET ?}{@value #AFTER}{@code =SEQ}: {@link AgentWire.Intervals}. */
    public static final String INTERVALS = STATUS + "/intervals";
    /** The query parameter of {@link #INTERVALS}. */
    public static final String AFTER = "after";
    /** {@code GET}: {@link AgentWire.Result}. */
    public static final String RESULT = STATUS + "/result";
    /** {@code GET}: {@link AgentWire.Writes}. */
    public static final String WRITES = STATUS + "/writes";
    /** {@code POST}: ends the current run early. */
    public static final String STOP = STATUS + "/stop";

    /** Every call, for messages that list them. */
    public static final String ALL_CALLS = "GET " + STATUS + ", POST " + PLAN + ", GET " + INTERVALS + "?" + AFTER
            + "=N, GET " + RESULT + ", GET " + WRITES + ", POST " + STOP;

    private AgentApi() {
    }
}
