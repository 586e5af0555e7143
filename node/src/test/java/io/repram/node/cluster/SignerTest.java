package io.repram.node.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignerTest {
    @Test
    void matchesTheSignatureUpstreamSent() throws Exception {
        JsonNode vector;
        try (InputStream in = getClass().getResourceAsStream("/repram-wire/bootstrap-request-signed.json")) {
            vector = new ObjectMapper().readTree(in);
        }
        byte[] raw = vector.get("raw_body").asText().getBytes(StandardCharsets.UTF_8);
        String sig = vector.get("headers").get("X-Repram-Signature").asText();
        Signer signer = new Signer("s3cret");
        assertEquals(sig, signer.sign(raw));
        assertTrue(signer.verify(raw, sig));
        assertTrue(signer.verify(raw, sig.toUpperCase()));
        assertFalse(signer.verify(raw, null));
        assertFalse(signer.verify(raw, ""));
        assertFalse(new Signer("other").verify(raw, sig));
        assertFalse(signer.verify((new String(raw, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8), sig));
    }

    @Test
    void openModeAcceptsEverything() {
        Signer open = new Signer("");
        assertFalse(open.enabled());
        assertTrue(open.verify("x".getBytes(), null));
    }
}
