package io.repram.orchestrate.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * The one wait loop of every engine, split the Testcontainers way: a <em>ready?</em> check that
 * says what is still missing, a <em>died?</em> check that ends the wait at once (a crashed node
 * never gets healthy, so waiting for the deadline would only hide it), one poll interval and one
 * deadline, and the failure text for the timeout.
 *
 * @param poll           pause between two ready? checks
 * @param diedEveryPolls run the died? check on every n-th poll (it may cost a Docker call)
 * @param waitingFor     what is awaited, for the message when the thread is interrupted
 */
public record Readiness(Duration poll, int diedEveryPolls, String waitingFor) {

    /** Says what is still missing, or empty once ready. */
    @FunctionalInterface
    public interface Ready {
        Optional<String> missing() throws EngineException;
    }

    /** The failure that ends the wait now, or empty while the thing awaited may still get ready. */
    @FunctionalInterface
    public interface Died {
        Optional<EngineException> failure();
    }

    /** The failure at the deadline, given what was still missing at the last check. */
    @FunctionalInterface
    public interface TimedOut {
        EngineException failure(String missing);
    }

    /** For waits where nothing can die, e.g. a cluster whose nodes are up already. */
    public static final Died NEVER_DIES = Optional::empty;

    public Readiness {
        if (poll.isNegative() || poll.isZero()) throw new IllegalArgumentException("poll must be positive: " + poll);
        if (diedEveryPolls < 1) throw new IllegalArgumentException("diedEveryPolls must be >= 1: " + diedEveryPolls);
    }

    public static Readiness every(Duration poll, String waitingFor) {
        return new Readiness(poll, 1, waitingFor);
    }

    public Readiness checkDiedEvery(int polls) {
        return new Readiness(poll, polls, waitingFor);
    }

    /**
     * Polls until {@code ready} reports nothing missing.
     *
     * @throws EngineException the died? failure, the timeout failure, or {@link Reason#INTERRUPTED}
     */
    public void await(long deadlineNanos, Ready ready, Died died, TimedOut timedOut) throws EngineException {
        int polls = 0;
        while (true) {
            Optional<String> missing = ready.missing();
            if (missing.isEmpty()) return;
            if (++polls % diedEveryPolls == 0) {
                Optional<EngineException> dead = died.failure();
                if (dead.isPresent()) throw dead.get();
            }
            if (System.nanoTime() > deadlineNanos) throw timedOut.failure(missing.get());
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("interrupted while waiting for " + waitingFor, Reason.INTERRUPTED, e);
            }
        }
    }

    /** The deadline {@code timeout} from now, for {@link #await}. */
    public static long deadlineIn(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    /** Time left until a deadline, never negative. */
    public static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }
}
