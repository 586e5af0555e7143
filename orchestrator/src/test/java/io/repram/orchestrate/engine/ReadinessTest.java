package io.repram.orchestrate.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadinessTest {
    private static final Readiness FAST = Readiness.every(Duration.ofMillis(5), "the test");

    @Test
    void returnsOnceReadyAndAsksDiedOnlyWhileNotReady() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        AtomicInteger deathChecks = new AtomicInteger();
        FAST.await(Readiness.deadlineIn(Duration.ofSeconds(5)),
                () -> checks.incrementAndGet() < 3 ? Optional.of("not yet") : Optional.empty(),
                () -> {
                    deathChecks.incrementAndGet();
                    return Optional.empty();
                },
                missing -> new EngineException(missing, Reason.ERROR));
        assertEquals(3, checks.get());
        assertEquals(2, deathChecks.get(), "after each of the two not-ready checks, not after the ready one");
    }

    @Test
    void aDeathEndsTheWaitAtOnceWithItsOwnFailure() {
        EngineException died = new EngineException("node-0 exited with code 1", Reason.NODE_UNHEALTHY);
        long start = System.nanoTime();
        EngineException e = assertThrows(EngineException.class, () -> FAST.await(Readiness.deadlineIn(Duration.ofSeconds(30)),
                () -> Optional.of("not yet"), () -> Optional.of(died), missing -> new EngineException(missing, Reason.ERROR)));
        assertSame(died, e);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "not at the deadline");
    }

    @Test
    void diedIsAskedOnlyEveryNthPoll() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger deathChecks = new AtomicInteger();
        FAST.checkDiedEvery(4).await(Readiness.deadlineIn(Duration.ofSeconds(5)),
                () -> polls.incrementAndGet() <= 9 ? Optional.of("not yet") : Optional.empty(),
                () -> {
                    deathChecks.incrementAndGet();
                    return Optional.empty();
                }, missing -> new EngineException(missing, Reason.ERROR));
        assertEquals(2, deathChecks.get(), "after polls 4 and 8 of 9 not-ready ones");
    }

    @Test
    void theDeadlineFailsWithWhatWasStillMissing() {
        AtomicInteger n = new AtomicInteger();
        EngineException e = assertThrows(EngineException.class, () -> FAST.await(Readiness.deadlineIn(Duration.ofMillis(50)),
                () -> Optional.of("check " + n.incrementAndGet()), Readiness.NEVER_DIES,
                missing -> new EngineException("still missing: " + missing, Reason.NODE_UNHEALTHY)));
        assertEquals(Reason.NODE_UNHEALTHY, e.reason());
        assertEquals("still missing: check " + n.get(), e.getMessage());
    }

    @Test
    void anInterruptEndsTheWaitWithInterrupted() {
        Thread.currentThread().interrupt();
        EngineException e = assertThrows(EngineException.class, () -> FAST.await(Readiness.deadlineIn(Duration.ofSeconds(5)),
                () -> Optional.of("not yet"), Readiness.NEVER_DIES, missing -> new EngineException(missing, Reason.ERROR)));
        assertEquals(Reason.INTERRUPTED, e.reason());
        assertTrue(Thread.interrupted(), "the interrupt flag stays set");
    }
}
