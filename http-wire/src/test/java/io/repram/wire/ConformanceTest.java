package io.repram.wire;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every fixture under src/test/resources, fed whole (array and direct buffer), split in two at
 * every byte boundary, and one byte at a time: the outcome must not depend on how reads split.
 */
class ConformanceTest {

    @TestFactory
    Stream<DynamicContainer> everyCaseParsesTheSameHoweverItIsSplit() {
        return WireCase.all().stream().map(c -> DynamicContainer.dynamicContainer(c.name(), Stream.of(
                DynamicTest.dynamicTest("whole", () -> check(c, List.of(c.wire()), "whole")),
                DynamicTest.dynamicTest("whole, direct buffer", () -> checkDirect(c)),
                DynamicTest.dynamicTest("split at every byte", () -> {
                    for (int k = 1; k < c.wire().length; k++) {
                        byte[] w = c.wire();
                        check(c, List.of(Arrays.copyOfRange(w, 0, k), Arrays.copyOfRange(w, k, w.length)),
                                "split at byte " + k);
                    }
                }),
                DynamicTest.dynamicTest("one byte at a time", () -> {
                    List<byte[]> bytes = new ArrayList<>();
                    for (byte b : c.wire()) {
                        bytes.add(new byte[]{b});
                    }
                    check(c, bytes, "one byte at a time");
                }))));
    }

    @Test
    void theFixturesCoverEveryFeature() {
        List<WireCase> all = WireCase.all();
        for (String feature : WireCase.FEATURES) {
            assertTrue(all.stream().anyMatch(c -> c.name().startsWith(feature + "/")), feature);
        }
        assertTrue(all.size() >= 50, "fixtures found: " + all.size());
    }

    /** Feeds the pieces as successive reads, each at a non-zero offset in a larger array. */
    private static void check(WireCase c, List<byte[]> pieces, String how) {
        BodyBuffer body = new BodyBuffer(1 << 20);
        ResponseParser parser = new ResponseParser(body);
        int used = 0;
        try {
            for (byte[] piece : pieces) {
                byte[] padded = new byte[piece.length + 7];
                System.arraycopy(piece, 0, padded, 3, piece.length);
                int n = parser.feed(padded, 3, piece.length);
                if (n < piece.length) {
                    assertTrue(parser.complete(), how + ": used fewer bytes than given before the end");
                }
                used += n;
            }
            finish(c, parser, how);
        } catch (HttpWireException e) {
            expectError(c, e, how);
            return;
        }
        expectResult(c, parser, body, used, how);
    }

    private static void checkDirect(WireCase c) {
        BodyBuffer body = new BodyBuffer(1 << 20);
        ResponseParser parser = new ResponseParser(body);
        ByteBuffer direct = ByteBuffer.allocateDirect(c.wire().length);
        direct.put(c.wire()).flip();
        int used;
        try {
            used = parser.feed(direct);
            assertEquals(used, direct.position(), "the buffer's position moved by what was used");
            finish(c, parser, "direct");
        } catch (HttpWireException e) {
            expectError(c, e, "direct");
            return;
        }
        expectResult(c, parser, body, used, "direct");
    }

    private static void finish(WireCase c, ResponseParser parser, String how) throws HttpWireException {
        if (c.eof() || (c.error() != null && !parser.complete())) {
            assertFalse(parser.complete(), how + ": complete before the server closed");
            parser.endOfStream();
        }
    }

    private static void expectError(WireCase c, HttpWireException e, String how) {
        if (c.error() == null) {
            fail(how + ": unexpected " + e.getMessage(), e);
        }
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains(c.error()), how + ": message '" + e.getMessage() + "'");
    }

    private static void expectResult(WireCase c, ResponseParser parser, BodyBuffer body, int used, String how) {
        if (c.error() != null) {
            fail(how + ": expected an error containing '" + c.error() + "'");
        }
        assertTrue(parser.complete(), how + ": complete");
        assertTrue(parser.started(), how + ": started");
        assertEquals(c.status(), parser.status(), how + ": status");
        assertEquals(c.wire().length - c.after(), used, how + ": bytes used");
        if (c.body() != null) {
            assertEquals(c.body(), new String(body.toByteArray(), StandardCharsets.ISO_8859_1), how + ": body");
        }
        if (c.close() != null) {
            assertEquals(c.close(), parser.closeAfter(), how + ": close after");
        }
    }
}
