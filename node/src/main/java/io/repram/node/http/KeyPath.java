package io.repram.node.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks the raw, still percent-encoded key of {@code /v1/data/{key}}. The router decodes escapes
 * that are not UTF-8 to U+FFFD, so {@code %FF%FE}, {@code %C0%AF} and {@code %80%81} would all be
 * one key; such a key is refused instead.
 */
final class KeyPath {
    static final String PREFIX = "/v1/data/";

    private KeyPath() {
    }

    /** @param rawPath the request path as sent, e.g. {@code /v1/data/a%2Fb} */
    static boolean validEscapes(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return true;
        }
        String raw = rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length()) : rawPath;
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        int i = 0;
        while (i < raw.length()) {
            int escape = raw.indexOf('%', i);
            int end = escape < 0 ? raw.length() : escape;
            bytes.put(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
            if (escape < 0) {
                break;
            }
            if (escape + 2 >= raw.length()) {
                return false;
            }
            int hi = Character.digit(raw.charAt(escape + 1), 16);
            int lo = Character.digit(raw.charAt(escape + 2), 16);
            if (hi < 0 || lo < 0) {
                return false;
            }
            bytes.put((byte) (hi << 4 | lo));
            i = escape + 3;
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
