package io.repram.wire;

/** Checks and number parsing for the lines of a response head and its chunk framing. */
final class HeaderLine {
    private HeaderLine() {
    }

    /** The code on a status line, "HTTP/1.1 200 OK" (the code sits at bytes 9..11, the reason may be missing). */
    static int statusCode(LineBuffer line) throws HttpWireException {
        int length = line.length();
        if (length < 12 || line.at(0) != 'H' || line.at(1) != 'T' || line.at(2) != 'T' || line.at(3) != 'P'
                || line.at(4) != '/' || line.at(5) != '1' || line.at(6) != '.' || !digit(line.at(7))
                || line.at(8) != ' ') {
            throw new HttpWireException("not an HTTP/1.x status line: " + line.preview());
        }
        int code = 0;
        for (int i = 9; i < 12; i++) {
            if (!digit(line.at(i))) {
                throw new HttpWireException("bad status code in status line: " + line.preview());
            }
            code = code * 10 + line.at(i) - '0';
        }
        if ((length > 12 && line.at(12) != ' ') || code < 100 || code > 599) {
            throw new HttpWireException("bad status code in status line: " + line.preview());
        }
        return code;
    }

    /** Rejects a header line that is no "name: value" pair. */
    static void check(LineBuffer line) throws HttpWireException {
        if (LineBuffer.blank(line.at(0))) {
            // RFC 9112 5.2 obs-fold: deprecated, and no peer of ours sends it.
            throw new HttpWireException("folded header line (obsolete line folding): " + line.preview());
        }
        int colon = line.indexOf((byte) ':');
        if (colon == 0 || (colon < 0 && !line.truncated())) {
            throw new HttpWireException("header line without a name: " + line.preview());
        }
    }

    /** A Content-Length value: decimal digits only. */
    static long decimal(LineBuffer line, int from, int to) throws HttpWireException {
        if (from == to || to - from > 18) {
            throw new HttpWireException("bad Content-Length: " + line.preview());
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = line.at(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new HttpWireException("bad Content-Length: " + line.preview());
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The size on a chunk-size line: hex digits, then optional blanks and ";extensions". */
    static long chunkSize(LineBuffer line) throws HttpWireException {
        int length = line.keptLength();
        long size = 0;
        int i = 0;
        for (; i < length; i++) {
            int v = Character.digit(line.at(i), 16);
            if (v < 0) {
                break;
            }
            if (i >= 15) {
                throw new HttpWireException("chunk size too large: " + line.preview());
            }
            size = size * 16 + v;
        }
        if (i == 0) {
            throw new HttpWireException(length == 0 ? "missing chunk size" : "bad chunk size: " + line.preview());
        }
        int rest = line.skipBlanks(i, length);
        if (rest < length && line.at(rest) != ';') {
            throw new HttpWireException("bad chunk size: " + line.preview());
        }
        if (rest == length && line.truncated()) {
            throw new HttpWireException("bad chunk size: " + line.preview());
        }
        return size;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }
}
