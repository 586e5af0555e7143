package io.repram.node.cluster;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** {@code X-Repram-Signature}: lowercase hex HMAC-SHA256(cluster secret, raw body). */
public final class Signer {
    public static final String HEADER = "X-Repram-Signature";
    private final SecretKeySpec key;

    /** @param secret the cluster secret; empty means open mode (nothing is signed or checked) */
    public Signer(String secret) {
        this.key = secret == null || secret.isEmpty()
                ? null
                : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public boolean enabled() {
        return key != null;
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** True in open mode, else when the signature matches (constant-time compare). */
    public boolean verify(byte[] body, String signature) {
        if (key == null) {
            return true;
        }
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
