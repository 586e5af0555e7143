package io.repram.wire;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser with a {@link BodyBuffer}, as the node's peer client uses it: the body kept, its bound,
 * the buffer reset for reuse. Wire forms (chunked, header case, malformed) are ConformanceTest's.
 */
class ResponseBodyTest {

    @Test
    void contentLengthBodyArrivingOneByteAtATime() throws Exception {
        Reader r = new Reader();
        byte[] wire = bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"success\":true}");
        for (int i = 0; i < wire.length; i++) {
            assertFalse(r.complete(), "complete before byte " + i);
            assertEquals(1, r.feed(wire, i, 1));
        }
        assertTrue(r.complete());
        assertFalse(r.closeAfter());
        assertEquals(200, r.response().status());
        assertEquals("{\"success\":true}", new String(r.response().body(), StandardCharsets.UTF_8));
    }

    @Test
    void bodyWithoutLengthEndsWithTheConnection() throws Exception {
        Reader r = new Reader();
        byte[] wire = bytes("HTTP/1.0 500 Oops\r\n\r\npartial");
        r.feed(wire, 0, wire.length);
        assertFalse(r.complete());
        r.endOfStream();
        assertTrue(r.complete());
        assertTrue(r.closeAfter());
        assertEquals(500, r.response().status());
        assertArrayEquals(bytes("partial"), r.response().body());
    }

    @Test
    void connectionCloseHeaderAndResetForReuse() throws Exception {
        Reader r = new Reader();
        byte[] first = bytes("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
        r.feed(first, 0, first.length);
        assertTrue(r.complete());
        assertTrue(r.closeAfter());
        r.reset();
        assertFalse(r.started());
        byte[] second = bytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        r.feed(second, 0, second.length);
        assertTrue(r.complete());
        assertFalse(r.closeAfter());
        assertEquals(404, r.response().status());
    }

    @Test
    void endlessHeadersAreRefused() {
        Reader r = new Reader();
        byte[] wire = bytes("HTTP/1.1 200 OK\r\nX-Pad: " + "a".repeat(ResponseParser.MAX_HEAD_BYTES) + "\r\n\r\n");
        assertThrows(HttpWireException.class, () -> r.feed(wire, 0, wire.length));
    }

    @Test
    void bodyBeyondTheBoundIsRefused() throws Exception {
        Reader r = new Reader(4);
        byte[] wire = bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        HttpWireException e = assertThrows(HttpWireException.class, () -> r.feed(wire, 0, wire.length));
        assertTrue(e.getMessage().contains("larger than 4 bytes"), e.getMessage());
        Reader exact = new Reader(5);
        exact.feed(wire, 0, wire.length);
        assertArrayEquals(bytes("hello"), exact.response().body());
    }

    /** The parser with a body buffer, answering as the node's old ResponseReader did. */
    private static final class Reader {
        private final BodyBuffer body;
        private final ResponseParser parser;

        Reader() {
            this(16 * 1024 * 1024);
        }

        Reader(int maxBodyBytes) {
            body = new BodyBuffer(maxBodyBytes);
            parser = new ResponseParser(body);
        }

        int feed(byte[] buf, int offset, int length) throws HttpWireException {
            return parser.feed(buf, offset, length);
        }

        void endOfStream() throws HttpWireException {
            parser.endOfStream();
        }

        boolean complete() {
            return parser.complete();
        }

        boolean closeAfter() {
            return parser.closeAfter();
        }

        boolean started() {
            return parser.started();
        }

        void reset() {
            parser.reset();
            body.reset();
        }

        Response response() {
            return new Response(parser.status(), body.toByteArray());
        }
    }

    private record Response(int status, byte[] body) {
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
