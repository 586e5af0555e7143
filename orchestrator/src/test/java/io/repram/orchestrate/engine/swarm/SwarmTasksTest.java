package io.repram.orchestrate.engine.swarm;

import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.TaskStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SwarmTasksTest {
    private static Task task(TaskState state, String err) {
        return new Task().withId("t1").withNodeId("n1").withStatus(new TaskStatus().withState(state).withErr(err)
                .withMessage("started"));
    }

    @Test
    void aRejectedTaskForAMissingImageNamesTheSwarmNodeAndTheFix() {
        String text = SwarmTasks.describeFailure("repram-r-node-1",
                task(TaskState.REJECTED, "No such image: repram-node:latest"), "worker-2").orElseThrow();
        assertTrue(text.contains("swarm node worker-2 (n1)"), text);
        assertTrue(text.contains("No such image"), text);
        assertTrue(text.contains("--registry"), text);
    }

    @Test
    void liveTasksAreNoFailure() {
        assertTrue(SwarmTasks.describeFailure("s", task(TaskState.RUNNING, null), "vm").isEmpty());
        assertTrue(SwarmTasks.describeFailure("s", task(TaskState.PENDING, null), null).isEmpty());
        String unscheduled = SwarmTasks.describeFailure("s", task(TaskState.FAILED, "boom"), null).orElseThrow();
        assertTrue(unscheduled.contains("not scheduled") && unscheduled.contains("boom"), unscheduled);
    }
}
