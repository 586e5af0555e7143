package io.repram.orchestrate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RequestTemplateTest {

    private static String text(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void putCarriesKeyTtlAndLengthAndOnlyTheKeyChanges() {
        Target target = Target.of(URI.create("http://127.0.0.1:8080/base/"));
        RequestTemplate put = RequestTemplate.put(target, RequestTemplate.digitsFor(10_000), 300, 1024);
        assertEquals("PUT /base/v1/data/lg-0042?ttl=300 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: 1024\r\n\r\n", text(put.forKey(42)));
        assertEquals("PUT /base/v1/data/lg-9999?ttl=300", text(put.forKey(9999)).substring(0, 33));
        assertEquals(RequestTemplate.keyName(7, 4), "lg-0007");
    }

    @Test
    void getHasNoBody() {
        Target target = Target.of(URI.create("http://localhost:9000"));
        RequestTemplate get = RequestTemplate.get(target, RequestTemplate.digitsFor(1));
        assertEquals("GET /v1/data/lg-0 HTTP/1.1\r\nHost: localhost:9000\r\n\r\n", text(get.forKey(0)));
    }

    @Test
    void payloadsAreFixedPerKeyAndOfTheRequestedSize() {
        Payloads payloads = new Payloads(100, 7);
        ByteBuffer view = payloads.view();
        String first = text(payloads.select(view, 3));
        assertEquals(100, first.length());
        assertNotEquals(first, text(payloads.select(view, 4)));
        assertEquals(first, text(payloads.select(view, 3)));
        assertEquals(0, new Payloads(0, 1).select(new Payloads(0, 1).view(), 5).remaining());
    }

    @Test
    void writtenKeysHandOutOnlyAddedUnexpiredKeys() {
        WrittenKeys keys = new WrittenKeys(1000, 10);
        SplittableRandom random = new SplittableRandom(1);
        assertEquals(-1, keys.pick(random, 0));
        keys.add(5, 0);
        keys.add(6, 0);
        for (int i = 0; i < 50; i++) {
            int key = keys.pick(random, 1_000_000_000L);
            assertEquals(true, key == 5 || key == 6, "picked " + key);
        }
        // Ten-second TTL: past eight seconds (two of margin) the keys are no longer read.
        assertEquals(-1, keys.pick(random, 9_000_000_000L));
    }
}
