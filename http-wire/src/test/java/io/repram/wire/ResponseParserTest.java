package io.repram.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
    void chunkedBodyWithExtensionsAndTrailers() throws Exception {
        byte[] response = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;name=value\r\nWiki\r\nA\r\n0123456789\r\n0\r\nX-Trailer: yes\r\n\r\n");
        ResponseParser parser = new ResponseParser();
        assertEquals(response.length, parser.feed(response, 0, response.length));
        assertTrue(parser.complete());
        assertEquals(200, parser.status());
    }

    @Test
    void responseSplitAtEveryByteParsesTheSame() throws Exception {
        String[] responses = {
            "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n",
        };
        int[] statuses = {404, 200};
        for (int r = 0; r < responses.length; r++) {
            byte[] response = bytes(responses[r]);
            ResponseParser parser = new ResponseParser();
            for (int i = 0; i < response.length; i++) {
                assertFalse(parser.complete(), "complete too early at byte " + i);
                assertEquals(1, parser.feed(response, i, 1));
            }
            assertTrue(parser.complete());
            assertEquals(statuses[r], parser.status());
        }
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
    void connectionCloseAndHttp10MeanTheConnectionEnds() throws Exception {
        ResponseParser parser = new ResponseParser();
        byte[] close = bytes("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n");
        parser.feed(close, 0, close.length);
        assertTrue(parser.complete());
        assertTrue(parser.closeAfter());

        parser.reset();
        byte[] http10 = bytes("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        parser.feed(http10, 0, http10.length);
        assertTrue(parser.closeAfter());

        parser.reset();
        byte[] keepAlive = bytes("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n");
        parser.feed(keepAlive, 0, keepAlive.length);
        assertFalse(parser.closeAfter());
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

    @Test
    void noContentAndInterimResponses() throws Exception {
        byte[] response = bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n");
        ResponseParser parser = new ResponseParser();
        assertEquals(response.length, parser.feed(response, 0, response.length));
        assertTrue(parser.complete());
        assertEquals(204, parser.status());
    }

    @Test
    void malformedResponsesAreProtocolErrors() {
        String[] bad = {
            "HTTP/2 200 OK\r\n\r\n",
            "HTTP/1.1 2x0 OK\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: twelve\r\n\r\n",
            "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
        };
        for (String text : bad) {
            byte[] response = bytes(text);
            assertThrows(HttpWireException.class,
                    () -> new ResponseParser().feed(response, 0, response.length), text);
        }
        ResponseParser truncated = new ResponseParser();
        byte[] partial = bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        assertThrows(HttpWireException.class, () -> {
            truncated.feed(partial, 0, partial.length);
            truncated.endOfStream();
        });
    }
}
