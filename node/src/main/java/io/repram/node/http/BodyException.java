package io.repram.node.http;

/** A request body that cannot be used: too large (413), too slow (408) or broken off (400). */
final class BodyException extends RuntimeException {
    private final int status;

    BodyException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
