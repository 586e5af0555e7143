package io.repram.wire;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounds that keep a broken server from holding a parser forever, and what stays inside them. */
class LimitsTest {

    @Test
    void manySmallChunksAreNotCountedAsHead() throws Exception {
        StringBuilder wire = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 20_000; i++) {
            wire.append("1\r\nx\r\n"); // 120 000 bytes of framing in all, more than MAX_HEAD_BYTES
        }
        wire.append("0\r\n\r\n");
        BodyBuffer body = new BodyBuffer(1 << 20);
        ResponseParser parser = new ResponseParser(body);
        byte[] bytes = bytes(wire.toString());
        assertEquals(bytes.length, parser.feed(bytes, 0, bytes.length));
        assertTrue(parser.complete());
        assertEquals(20_000, body.size());
    }

    @Test
    void endlessChunkSizeLineIsRefused() {
        byte[] wire = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;"
                + "e".repeat(ResponseParser.MAX_CHUNK_LINE_BYTES));
        HttpWireException e = assertThrows(HttpWireException.class, () -> new ResponseParser().feed(wire, 0, wire.length));
        assertTrue(e.getMessage().contains("chunk-size line longer than"), e.getMessage());
    }

    @Test
    void endlessTrailersAreRefused() {
        byte[] wire = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: "
                + "t".repeat(ResponseParser.MAX_HEAD_BYTES) + "\r\n\r\n");
        HttpWireException e = assertThrows(HttpWireException.class, () -> new ResponseParser().feed(wire, 0, wire.length));
        assertTrue(e.getMessage().startsWith("trailers longer than"), e.getMessage());
    }

    @Test
    void endlessInterimResponsesAreRefused() {
        byte[] wire = bytes("HTTP/1.1 100 Continue\r\n\r\n".repeat(ResponseParser.MAX_HEAD_BYTES / 25 + 1));
        HttpWireException e = assertThrows(HttpWireException.class, () -> new ResponseParser().feed(wire, 0, wire.length));
        assertTrue(e.getMessage().startsWith("response head longer than"), e.getMessage());
    }

    @Test
    void aFramingHeaderLongerThanTheLineBufferIsRefusedNotCut() {
        byte[] wire = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: " + "identity, ".repeat(30) + "chunked\r\n\r\n");
        HttpWireException e = assertThrows(HttpWireException.class, () -> new ResponseParser().feed(wire, 0, wire.length));
        assertTrue(e.getMessage().contains("header line longer than"), e.getMessage());
    }

    @Test
    void heapBufferIsReadFromItsPositionAndAdvanced() throws Exception {
        byte[] response = bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokNEXT");
        ByteBuffer buf = ByteBuffer.allocate(response.length + 10);
        buf.position(4);
        buf.put(response).flip().position(4);
        ResponseParser parser = new ResponseParser();
        assertEquals(response.length - 4, parser.feed(buf));
        assertTrue(parser.complete());
        assertEquals(buf.limit() - 4, buf.position(), "NEXT is left for the caller");
        assertEquals(0, parser.feed(buf), "a complete parser takes nothing more");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
