package io.repram.orchestrate.load;

/**
 * Indices of the per-loop counters: successes and failures per op, then one slot per failure
 * class. Plain ints keep the hot path free of maps and strings; names are made when reporting.
 */
final class Outcome {
    static final int PUT = 0;
    static final int GET = 1;

    static final int PUT_OK = 0;
    static final int PUT_FAILED = 1;
    static final int GET_OK = 2;
    static final int GET_FAILED = 3;

    private static final int STATUS_BASE = 4;
    private static final int STATUS_SLOTS = 1000;
    static final int TIMEOUT = STATUS_BASE + STATUS_SLOTS;
    static final int CONNECT = TIMEOUT + 1;
    static final int IO = TIMEOUT + 2;
    static final int SLOTS = IO + 1;

    private Outcome() {
    }

    static int okSlot(int op) {
        return op == PUT ? PUT_OK : GET_OK;
    }

    static int failedSlot(int op) {
        return op == PUT ? PUT_FAILED : GET_FAILED;
    }

    static int statusSlot(int status) {
        return STATUS_BASE + Math.min(Math.max(status, 0), STATUS_SLOTS - 1);
    }

    static boolean isErrorSlot(int slot) {
        return slot >= STATUS_BASE;
    }

    /** The error class name of a failure slot: {@code status_404}, {@code timeout}, {@code connect}, {@code io}. */
    static String errorName(int slot) {
        if (slot == TIMEOUT) {
            return "timeout";
        }
        if (slot == CONNECT) {
            return "connect";
        }
        if (slot == IO) {
            return "io";
        }
        return "status_" + (slot - STATUS_BASE);
    }

    static boolean success(int op, int status) {
        return status >= 200 && status < 300;
    }
}
