package io.repram.orchestrate.load;

import java.io.IOException;

/**
 * Incremental HTTP/1.x response parser that keeps nothing but the status, the framing and whether
 * the server closes the connection. Bytes may arrive split anywhere; the body is skipped, not stored,
 * so parsing allocates nothing.
 */
final class ResponseParser {

    /** The response did not follow HTTP/1.x framing. */
    static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }
    }

    private static final int STATUS_LINE = 0;
    private static final int HEADER_LINE = 1;
    private static final int BODY = 2;
    private static final int CHUNK_SIZE = 3;
    private static final int CHUNK_DATA = 4;
    private static final int CHUNK_DATA_END = 5;
    private static final int TRAILER_LINE = 6;
    private static final int BODY_UNTIL_CLOSE = 7;
    private static final int DONE = 8;

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    // Only the start of a long header line is kept: the headers we look at are short.
    private final byte[] line = new byte[256];
    private int lineLength;
    private int headBytes;

    private int state;
    private int status;
    private boolean http10;
    private boolean chunked;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private long contentLength;
    private long remaining;

    ResponseParser() {
        reset();
    }

    void reset() {
        state = STATUS_LINE;
        status = 0;
        startMessage();
    }

    private void startMessage() {
        lineLength = 0;
        headBytes = 0;
        http10 = false;
        chunked = false;
        connectionClose = false;
        connectionKeepAlive = false;
        contentLength = -1;
        remaining = 0;
    }

    /** Consumes bytes until the response is complete or the input ends; returns how many it used. */
    int feed(byte[] buf, int offset, int length) throws ProtocolException {
        int pos = offset;
        int end = offset + length;
        while (pos < end && state != DONE) {
            switch (state) {
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, end - pos);
                    pos += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == BODY ? DONE : CHUNK_DATA_END;
                    }
                }
                case BODY_UNTIL_CLOSE -> pos = end;
                default -> pos = scanLine(buf, pos, end);
            }
        }
        return pos - offset;
    }

    /** The server closed the connection; ends a response that is delimited by the close. */
    void endOfStream() throws ProtocolException {
        if (state == BODY_UNTIL_CLOSE) {
            state = DONE;
        } else if (state != DONE) {
            throw new ProtocolException("connection closed in the middle of a response");
        }
    }

    boolean complete() {
        return state == DONE;
    }

    int status() {
        return status;
    }

    /** Whether the connection cannot carry another request after this response. */
    boolean closeAfter() {
        return connectionClose || (http10 && !connectionKeepAlive);
    }

    private int scanLine(byte[] buf, int pos, int end) throws ProtocolException {
        int start = pos;
        while (pos < end) {
            byte b = buf[pos++];
            if (b == '\n') {
                countHead(pos - start);
                lineComplete();
                return pos;
            }
            if (lineLength < line.length) {
                line[lineLength++] = b;
            }
        }
        countHead(pos - start);
        return pos;
    }

    private void countHead(int n) throws ProtocolException {
        headBytes += n;
        if (headBytes > MAX_HEAD_BYTES) {
            throw new ProtocolException("response head longer than " + MAX_HEAD_BYTES + " bytes");
        }
    }

    private void lineComplete() throws ProtocolException {
        int length = lineLength;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        lineLength = 0;
        switch (state) {
            case STATUS_LINE -> statusLine(length);
            case HEADER_LINE -> {
                if (length == 0) {
                    headersComplete();
                } else {
                    headerLine(length);
                }
            }
            case CHUNK_SIZE -> chunkSize(length);
            case CHUNK_DATA_END -> {
                if (length != 0) {
                    throw new ProtocolException("chunk data longer than its declared size");
                }
                state = CHUNK_SIZE;
            }
            case TRAILER_LINE -> {
                if (length == 0) {
                    state = DONE;
                }
            }
            default -> throw new IllegalStateException("line in state " + state);
        }
    }

    private void statusLine(int length) throws ProtocolException {
        // "HTTP/1.1 200 OK": the code sits at bytes 9..11.
        if (length < 12 || line[0] != 'H' || line[1] != 'T' || line[2] != 'T' || line[3] != 'P'
                || line[4] != '/' || line[5] != '1' || line[6] != '.' || line[8] != ' ') {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        int code = 0;
        for (int i = 9; i < 12; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new ProtocolException("bad status code in status line");
            }
            code = code * 10 + digit;
        }
        if (length > 12 && line[12] != ' ') {
            throw new ProtocolException("bad status code in status line");
        }
        status = code;
        http10 = line[7] == '0';
        state = HEADER_LINE;
    }

    private void headerLine(int length) throws ProtocolException {
        int colon = -1;
        for (int i = 0; i < length; i++) {
            if (line[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            throw new ProtocolException("header line without a name");
        }
        int valueStart = colon + 1;
        while (valueStart < length && (line[valueStart] == ' ' || line[valueStart] == '\t')) {
            valueStart++;
        }
        int valueEnd = length;
        while (valueEnd > valueStart && (line[valueEnd - 1] == ' ' || line[valueEnd - 1] == '\t')) {
            valueEnd--;
        }
        if (nameIs(CONTENT_LENGTH, colon)) {
            contentLength = parseContentLength(valueStart, valueEnd);
        } else if (nameIs(TRANSFER_ENCODING, colon)) {
            chunked |= contains(CHUNKED, valueStart, valueEnd);
        } else if (nameIs(CONNECTION, colon)) {
            connectionClose |= contains(CLOSE, valueStart, valueEnd);
            connectionKeepAlive |= contains(KEEP_ALIVE, valueStart, valueEnd);
        }
    }

    private void headersComplete() {
        if (status >= 100 && status < 200) {
            // An interim response (100 Continue): the real one follows.
            state = STATUS_LINE;
            startMessage();
            return;
        }
        if (status == 204 || status == 304) {
            state = DONE;
        } else if (chunked) {
            state = CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? DONE : BODY;
        } else {
            connectionClose = true;
            state = BODY_UNTIL_CLOSE;
        }
    }

    private void chunkSize(int length) throws ProtocolException {
        long size = 0;
        int digits = 0;
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            int v = Character.digit(b, 16);
            if (v < 0) {
                if (b == ';' || b == ' ' || b == '\t') {
                    break;
                }
                throw new ProtocolException("bad chunk size");
            }
            if (++digits > 15) {
                throw new ProtocolException("chunk size too large");
            }
            size = size * 16 + v;
        }
        if (digits == 0) {
            throw new ProtocolException("missing chunk size");
        }
        if (size == 0) {
            state = TRAILER_LINE;
        } else {
            remaining = size;
            state = CHUNK_DATA;
        }
    }

    private long parseContentLength(int from, int to) throws ProtocolException {
        if (from == to || to - from > 18) {
            throw new ProtocolException("bad Content-Length");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new ProtocolException("bad Content-Length");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private boolean nameIs(byte[] lowerName, int nameLength) {
        if (nameLength != lowerName.length) {
            return false;
        }
        for (int i = 0; i < nameLength; i++) {
            if (lower(line[i]) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(byte[] lowerWord, int from, int to) {
        outer:
        for (int i = from; i <= to - lowerWord.length; i++) {
            for (int j = 0; j < lowerWord.length; j++) {
                if (lower(line[i + j]) != lowerWord[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
