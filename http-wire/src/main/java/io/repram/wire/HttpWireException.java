package io.repram.wire;

import java.io.IOException;

/** The bytes are not a well-formed HTTP/1.x response, or the connection ended in the middle of one. */
public final class HttpWireException extends IOException {
    public HttpWireException(String message) {
        super(message);
    }
}
