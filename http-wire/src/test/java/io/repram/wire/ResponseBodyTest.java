package io.repram.wire;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node's peer-client cases (moved from ResponseReaderTest): bodies kept in a {@link BodyBuffer}. */
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
    void chunkedBodyWithExtensionAndTrailer() throws Exception {
        Reader r = new Reader();
        byte[] wire = bytes("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n");
        assertEquals(wire.length, r.feed(wire, 0, wire.length));
        assertTrue(r.complete());
        assertEquals(201, r.response().status());
        assertArrayEquals(bytes("hello world"), r.response().body());
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
    void headerNamesMatchWhateverTheirCaseAndSpacing() throws Exception {
        Reader r = new Reader();
        byte[] wire = bytes("HTTP/1.0 200 OK\r\nX-Note: content-length: 99\r\ncontent-LENGTH : 2\r\n"
                + "CONNECTION:Keep-Alive\r\n\r\nokEXTRA");
        assertEquals(wire.length - 5, r.feed(wire, 0, wire.length));
        assertTrue(r.complete());
        assertFalse(r.closeAfter(), "HTTP/1.0 with keep-alive stays open");
        assertArrayEquals(bytes("ok"), r.response().body());
    }

    @Test
    void responseCutShortOrMalformedIsAnError() throws Exception {
        Reader cut = new Reader();
        byte[] wire = bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        cut.feed(wire, 0, wire.length);
        assertThrows(HttpWireException.class, cut::endOfStream);

        Reader junk = new Reader();
        byte[] notHttp = bytes("SSH-2.0-OpenSSH\r\n\r\n");
        assertThrows(HttpWireException.class, () -> junk.feed(notHttp, 0, notHttp.length));
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
