package io.repram.wire;

/**
 * Receives a response's body bytes (chunk framing removed) as the parser walks over them. Called on
 * the thread that called {@link ResponseParser#feed}, with a slice of the caller's own buffer: copy
 * what you keep, the bytes are overwritten by the next read.
 */
@FunctionalInterface
public interface BodySink {
    /** A sink that drops the body; what a parser built without one uses. */
    BodySink DISCARD = (buf, offset, length) -> { };

    void accept(byte[] buf, int offset, int length) throws HttpWireException;
}
