package io.repram.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Incremental HTTP/1.x response parser: feed it bytes as they arrive, split anywhere, and it tells
 * when the response is complete, its status and whether the connection can carry another request.
 * Interim 1xx responses are skipped. Body bytes go to a {@link BodySink} (dropped by default).
 * After construction nothing is allocated, except to report an error or feed a direct buffer the
 * first time. One instance serves one connection, one response at a time: see README.md for the
 * thread contract.
 */
public final class ResponseParser {
    /** Bound on the status line and headers (interim responses included), and on the trailers. */
    public static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Bound on one chunk-size line (chunk extensions included). */
    public static final int MAX_CHUNK_LINE_BYTES = 4 * 1024;

    private static final int STATUS_LINE = 0;
    private static final int HEADER_LINE = 1;
    private static final int BODY = 2;
    private static final int CHUNK_SIZE = 3;
    private static final int CHUNK_DATA = 4;
    private static final int CHUNK_DATA_END = 5;
    private static final int TRAILER_LINE = 6;
    private static final int BODY_UNTIL_CLOSE = 7;
    private static final int DONE = 8;

    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private final BodySink sink;
    private final LineBuffer line = new LineBuffer();
    private byte[] directScratch;

    private int state;
    private boolean started;
    private int headBytes;
    private int status;
    private boolean http10;
    private boolean transferEncoding;
    private boolean chunked;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private long contentLength;
    private long remaining;

    /** A parser that drops the body. */
    public ResponseParser() {
        this(BodySink.DISCARD);
    }

    public ResponseParser(BodySink sink) {
        this.sink = sink;
        reset();
    }

    /** Readies the parser for the next response on the connection. */
    public void reset() {
        state = STATUS_LINE;
        started = false;
        headBytes = 0;
        status = 0;
        startMessage();
    }

    private void startMessage() {
        line.clear();
        http10 = false;
        transferEncoding = false;
        chunked = false;
        connectionClose = false;
        connectionKeepAlive = false;
        contentLength = -1;
        remaining = 0;
    }

    /**
     * Consumes bytes until the response is complete or the input ends.
     *
     * @return how many bytes it used: fewer than {@code length} only once {@link #complete()}
     */
    public int feed(byte[] buf, int offset, int length) throws HttpWireException {
        int pos = offset;
        int end = offset + length;
        if (length > 0) {
            started = true;
        }
        while (pos < end && state != DONE) {
            switch (state) {
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, end - pos);
                    sink.accept(buf, pos, n);
                    pos += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == BODY ? DONE : CHUNK_DATA_END;
                    }
                }
                case BODY_UNTIL_CLOSE -> {
                    sink.accept(buf, pos, end - pos);
                    pos = end;
                }
                default -> pos = scanLine(buf, pos, end);
            }
        }
        return pos - offset;
    }

    /** Like {@link #feed(byte[], int, int)} from the buffer's position, which it advances by what it used. */
    public int feed(ByteBuffer src) throws HttpWireException {
        int used;
        if (src.hasArray()) {
            used = feed(src.array(), src.arrayOffset() + src.position(), src.remaining());
        } else {
            if (directScratch == null) {
                directScratch = new byte[4096];
            }
            used = 0;
            int from = src.position();
            int available = src.remaining();
            while (used < available && state != DONE) {
                int n = Math.min(directScratch.length, available - used);
                src.get(from + used, directScratch, 0, n);
                used += feed(directScratch, 0, n);
            }
        }
        src.position(src.position() + used);
        return used;
    }

    /** The server closed the connection: ends a body delimited by the close, else the response was cut short. */
    public void endOfStream() throws HttpWireException {
        if (state == BODY_UNTIL_CLOSE) {
            state = DONE;
        } else if (state != DONE) {
            throw new HttpWireException("connection closed in the middle of a response");
        }
    }

    public boolean complete() {
        return state == DONE;
    }

    /** Whether any byte arrived since {@link #reset}: a reused connection that fails before that was never answered. */
    public boolean started() {
        return started;
    }

    /** The final response's status code, once its status line arrived (0 before). */
    public int status() {
        return status;
    }

    /** Whether the connection cannot carry another request after this response. */
    public boolean closeAfter() {
        return connectionClose || (http10 && !connectionKeepAlive);
    }

    private int scanLine(byte[] buf, int pos, int end) throws HttpWireException {
        int next = line.scan(buf, pos, end);
        if (state == CHUNK_SIZE || state == CHUNK_DATA_END) {
            if (line.seen() > MAX_CHUNK_LINE_BYTES) {
                throw new HttpWireException("chunk-size line longer than " + MAX_CHUNK_LINE_BYTES + " bytes");
            }
        } else {
            headBytes += next - pos;
            if (headBytes > MAX_HEAD_BYTES) {
                throw new HttpWireException((state == TRAILER_LINE ? "trailers" : "response head")
                        + " longer than " + MAX_HEAD_BYTES + " bytes");
            }
        }
        if (line.ended()) {
            lineComplete();
            line.clear();
        }
        return next;
    }

    private void lineComplete() throws HttpWireException {
        int length = line.length();
        switch (state) {
            case STATUS_LINE -> statusLine();
            case HEADER_LINE -> {
                if (length == 0) {
                    headersComplete();
                } else {
                    HeaderLine.check(line);
                    headerLine();
                }
            }
            case CHUNK_SIZE -> chunkSize();
            case CHUNK_DATA_END -> {
                if (length != 0) {
                    throw new HttpWireException("chunk data longer than its declared size");
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

    private void statusLine() throws HttpWireException {
        status = HeaderLine.statusCode(line);
        http10 = line.at(7) == '0';
        state = HEADER_LINE;
    }

    private void headerLine() throws HttpWireException {
        int colon = line.indexOf((byte) ':');
        if (colon < 0) {
            return; // HeaderLine.check let it through: a name longer than the kept bytes, none we read
        }
        int nameEnd = line.trimBlanks(0, colon);
        boolean isLength = line.equalsIgnoreCase(0, nameEnd, CONTENT_LENGTH);
        boolean isCoding = !isLength && line.equalsIgnoreCase(0, nameEnd, TRANSFER_ENCODING);
        boolean isConnection = !isLength && !isCoding && line.equalsIgnoreCase(0, nameEnd, CONNECTION);
        if (!(isLength || isCoding || isConnection)) {
            return;
        }
        if (line.truncated()) {
            throw new HttpWireException("header line longer than " + LineBuffer.CAPACITY + " bytes: " + line.preview());
        }
        int valueEnd = line.trimBlanks(colon + 1, line.keptLength());
        int valueStart = line.skipBlanks(colon + 1, valueEnd);
        if (isLength) {
            long value = HeaderLine.decimal(line, valueStart, valueEnd);
            if (contentLength >= 0 && contentLength != value) {
                throw new HttpWireException("conflicting Content-Length headers");
            }
            contentLength = value;
        } else if (isCoding) {
            // Several Transfer-Encoding lines form one list: the coding applied last decides the framing.
            transferEncoding = true;
            chunked = line.lastTokenIs(valueStart, valueEnd, CHUNKED);
        } else {
            connectionClose |= line.hasToken(valueStart, valueEnd, CLOSE);
            connectionKeepAlive |= line.hasToken(valueStart, valueEnd, KEEP_ALIVE);
        }
    }

    private void headersComplete() throws HttpWireException {
        if (status / 100 == 1) {
            if (status == 101) {
                throw new HttpWireException("101 Switching Protocols, but no upgrade was asked for");
            }
            // An interim response (100 Continue, 103 Early Hints): the final one follows.
            state = STATUS_LINE;
            startMessage();
            return;
        }
        if (status == 204 || status == 304) {
            state = DONE;
        } else if (transferEncoding) {
            // RFC 9112 6.3: Transfer-Encoding overrides Content-Length; without chunked last, the close ends the body.
            state = chunked ? CHUNK_SIZE : BODY_UNTIL_CLOSE;
            connectionClose |= !chunked;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? DONE : BODY;
        } else {
            connectionClose = true;
            state = BODY_UNTIL_CLOSE;
        }
    }

    private void chunkSize() throws HttpWireException {
        long size = HeaderLine.chunkSize(line);
        if (size == 0) {
            headBytes = 0; // the trailers get a head's allowance of their own
            state = TRAILER_LINE;
        } else {
            remaining = size;
            state = CHUNK_DATA;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
