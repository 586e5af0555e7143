package io.repram.node.cluster.peerhttp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Incremental HTTP/1.x response reader: bytes may arrive split anywhere. Handles Content-Length,
 * chunked and read-until-close bodies, and tells whether the connection can be reused.
 */
final class ResponseReader {
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Peers answer gossip with a few bytes and bootstrap with a peer list; this only bounds a broken peer. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private enum State { HEAD, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_CRLF, TRAILERS, UNTIL_CLOSE, DONE }

    /** A plain array, not a ByteArrayOutputStream: the head is copied byte by byte, and that one synchronises. */
    private byte[] head = new byte[512];
    private int headLength;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(64);
    private final StringBuilder line = new StringBuilder();
    private static final int CRLF_CRLF = 0x0d0a0d0a;

    private State state;
    /** The last four head bytes, to spot the blank line ending the head without rescanning. */
    private int lastFour;
    private int status;
    private long remaining;
    private boolean closeAfter;

    ResponseReader() {
        reset();
    }

    void reset() {
        headLength = 0;
        body.reset();
        line.setLength(0);
        state = State.HEAD;
        lastFour = 0;
        status = 0;
        remaining = 0;
        closeAfter = false;
    }

    boolean complete() {
        return state == State.DONE;
    }

    /** True once any byte of a response arrived: a reused connection that fails before that never answered. */
    boolean started() {
        return state != State.HEAD || headLength > 0;
    }

    boolean closeAfter() {
        return closeAfter;
    }

    PeerResponse response() {
        return new PeerResponse(status, body.toByteArray());
    }

    /** Consumes bytes; returns how many were used (fewer than {@code length} only once complete). */
    int feed(byte[] buf, int offset, int length) throws PeerHttpException {
        int i = offset;
        int end = offset + length;
        while (i < end && state != State.DONE) {
            switch (state) {
                case HEAD -> i = feedHead(buf, i, end);
                case FIXED -> {
                    int n = (int) Math.min(remaining, end - i);
                    appendBody(buf, i, n);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.DONE;
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, end - i);
                    appendBody(buf, i, n);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.CHUNK_CRLF;
                    }
                }
                case CHUNK_SIZE, CHUNK_CRLF, TRAILERS -> i = feedChunkLine(buf, i, end);
                case UNTIL_CLOSE -> {
                    appendBody(buf, i, end - i);
                    i = end;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return i - offset;
    }

    /** The peer closed the connection; completes a read-until-close body, else the response is cut short. */
    void endOfStream() throws PeerHttpException {
        if (state == State.UNTIL_CLOSE) {
            state = State.DONE;
            closeAfter = true;
        } else if (state != State.DONE) {
            throw new PeerHttpException("peer closed the connection in the middle of a response");
        }
    }

    private int feedHead(byte[] buf, int i, int end) throws PeerHttpException {
        while (i < end) {
            byte b = buf[i++];
            if (headLength == head.length) {
                if (headLength >= MAX_HEAD_BYTES) {
                    throw new PeerHttpException("response headers longer than " + MAX_HEAD_BYTES + " bytes");
                }
                head = Arrays.copyOf(head, headLength * 2);
            }
            head[headLength++] = b;
            lastFour = (lastFour << 8) | (b & 0xff);
            if (lastFour == CRLF_CRLF) {
                parseHead(new String(head, 0, headLength, StandardCharsets.ISO_8859_1));
                return i;
            }
        }
        return i;
    }

    private void parseHead(String text) throws PeerHttpException {
        int eol = text.indexOf("\r\n");
        String statusLine = eol < 0 ? text : text.substring(0, eol);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new PeerHttpException("not an HTTP/1.x response: " + abbreviate(statusLine));
        }
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new PeerHttpException("bad status line: " + abbreviate(statusLine));
        }
        boolean http10 = statusLine.startsWith("HTTP/1.0");
        long contentLength = -1;
        boolean chunked = false;
        String connection = null;
        // Walked in place: one reply per replicated write, so per-line strings and lower-casing showed
        // up as a tenth of the origin's allocation.
        int start = eol < 0 ? text.length() : eol + 2;
        while (start < text.length()) {
            int end = text.indexOf("\r\n", start);
            if (end < 0) {
                end = text.length();
            }
            int colon = text.indexOf(':', start);
            if (colon > start && colon < end) {
                if (isHeader(text, start, colon, "content-length")) {
                    contentLength = parseLength(text.substring(colon + 1, end).trim());
                } else if (isHeader(text, start, colon, "transfer-encoding")) {
                    chunked = text.substring(colon + 1, end).toLowerCase(Locale.ROOT).contains("chunked");
                } else if (isHeader(text, start, colon, "connection")) {
                    connection = text.substring(colon + 1, end).trim().toLowerCase(Locale.ROOT);
                }
            }
            start = end + 2;
        }
        closeAfter = connection != null ? connection.contains("close") : http10;
        if (http10 && connection != null && connection.contains("keep-alive")) {
            closeAfter = false;
        }
        if (status / 100 == 1 || status == 204 || status == 304) {
            // 1xx (e.g. 100 Continue) never comes here unasked; treat it as a bodiless answer regardless.
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.FIXED;
        } else {
            state = State.UNTIL_CLOSE;
            closeAfter = true;
        }
    }

    private int feedChunkLine(byte[] buf, int i, int end) throws PeerHttpException {
        while (i < end) {
            char c = (char) (buf[i++] & 0xff);
            if (c != '\n') {
                if (line.length() > 1024) {
                    throw new PeerHttpException("chunk header line too long");
                }
                line.append(c);
                continue;
            }
            String text = line.toString().trim();
            line.setLength(0);
            switch (state) {
                case CHUNK_CRLF -> state = State.CHUNK_SIZE;
                case TRAILERS -> {
                    if (text.isEmpty()) {
                        state = State.DONE;
                    }
                }
                default -> {
                    int semi = text.indexOf(';');
                    try {
                        remaining = Long.parseLong(semi < 0 ? text : text.substring(0, semi).trim(), 16);
                    } catch (NumberFormatException e) {
                        throw new PeerHttpException("bad chunk size: " + abbreviate(text));
                    }
                    state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
                }
            }
            return i;
        }
        return i;
    }

    private void appendBody(byte[] buf, int offset, int length) throws PeerHttpException {
        if (body.size() + length > MAX_BODY_BYTES) {
            throw new PeerHttpException("response body larger than " + MAX_BODY_BYTES + " bytes");
        }
        body.write(buf, offset, length);
    }

    /** Whether {@code text[start, colon)} is {@code name}, ignoring case and blanks around the name. */
    private static boolean isHeader(String text, int start, int colon, String name) {
        while (start < colon && text.charAt(start) <= ' ') {
            start++;
        }
        while (colon > start && text.charAt(colon - 1) <= ' ') {
            colon--;
        }
        return colon - start == name.length() && text.regionMatches(true, start, name, 0, name.length());
    }

    private static long parseLength(String value) throws PeerHttpException {
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new PeerHttpException("bad Content-Length: " + abbreviate(value));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
