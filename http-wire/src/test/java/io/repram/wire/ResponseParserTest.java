package io.repram.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The parser's calling contract: how much {@code feed} consumes, when {@code complete} turns, reuse
 * after {@code reset}, {@code endOfStream}. What it makes of each wire form is ConformanceTest's, over
 * the fixtures under src/test/resources.
 */
class ResponseParserTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void contentLengthBodyCompletesAfterExactlyThatManyBytes() throws Exception {
        byte[] response = bytes("HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\ncontent-length: 5\r\n\r\nhello");
        ResponseParser parser = new ResponseParser();
        assertEquals(response.length - 1, parser.feed(response, 0, response.length - 1));
        assertFalse(parser.complete());
        assertEquals(1, parser.feed(response, response.length - 1, 1));
        assertTrue(parser.complete());
        assertEquals(201, parser.status());
        assertFalse(parser.closeAfter());
    }

    @Test
    void stopsAtTheEndOfTheResponseAndIsReusableAfterReset() throws Exception {
        byte[] two = bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n");
        ResponseParser parser = new ResponseParser();
        int used = parser.feed(two, 0, two.length);
        assertTrue(parser.complete());
        assertEquals(200, parser.status());
        parser.reset();
        assertEquals(two.length - used, parser.feed(two, used, two.length - used));
        assertTrue(parser.complete());
        assertEquals(503, parser.status());
    }

    @Test
    void bodyWithoutLengthEndsWhenTheServerCloses() throws Exception {
        byte[] response = bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome bytes");
        ResponseParser parser = new ResponseParser();
        assertEquals(response.length, parser.feed(response, 0, response.length));
        assertFalse(parser.complete());
        parser.endOfStream();
        assertTrue(parser.complete());
        assertTrue(parser.closeAfter());
    }
}
