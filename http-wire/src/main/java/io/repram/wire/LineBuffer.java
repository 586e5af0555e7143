package io.repram.wire;

/**
 * One line of a response head or chunk framing, collected across reads. Only the first
 * {@link #CAPACITY} bytes are kept: the headers the parser reads are short, and keeping no more
 * lets one fixed array serve every line of every response.
 */
final class LineBuffer {
    static final int CAPACITY = 256;

    private final byte[] bytes = new byte[CAPACITY];
    private int kept;
    private int seen;
    private byte last;
    private boolean ended;

    void clear() {
        kept = 0;
        seen = 0;
        last = 0;
        ended = false;
    }

    /** Consumes bytes up to and including the line's LF; returns the position after what it used. */
    int scan(byte[] buf, int pos, int end) {
        while (pos < end) {
            byte b = buf[pos++];
            if (b == '\n') {
                ended = true;
                return pos;
            }
            if (kept < CAPACITY) {
                bytes[kept++] = b;
            }
            seen++;
            last = b;
        }
        return pos;
    }

    boolean ended() {
        return ended;
    }

    /** Bytes the line has taken so far, its ending excluded: what a limit counts. */
    int seen() {
        return seen;
    }

    /** The line's length without its CR LF (a bare LF ends a line too). */
    int length() {
        return last == '\r' ? seen - 1 : seen;
    }

    /** The kept part of the line, its ending excluded. */
    int keptLength() {
        return Math.min(kept, length());
    }

    boolean truncated() {
        return length() > CAPACITY;
    }

    byte at(int i) {
        return bytes[i];
    }

    int indexOf(byte b) {
        int n = keptLength();
        for (int i = 0; i < n; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether bytes [from, to) equal {@code lowerWord}, ignoring ASCII case. */
    boolean equalsIgnoreCase(int from, int to, byte[] lowerWord) {
        if (to - from != lowerWord.length) {
            return false;
        }
        for (int i = 0; i < lowerWord.length; i++) {
            if (lower(bytes[from + i]) != lowerWord[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the comma-separated list in [from, to) holds the token {@code lowerWord}. */
    boolean hasToken(int from, int to, byte[] lowerWord) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || bytes[i] == ',') {
                if (equalsIgnoreCase(skipBlanks(start, i), trimBlanks(start, i), lowerWord)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** Whether the last token of the comma-separated list in [from, to) is {@code lowerWord}. */
    boolean lastTokenIs(int from, int to, byte[] lowerWord) {
        int start = to;
        while (start > from && bytes[start - 1] != ',') {
            start--;
        }
        return equalsIgnoreCase(skipBlanks(start, to), trimBlanks(start, to), lowerWord);
    }

    /** The first index in [from, to) that is not a space or tab, or {@code to}. */
    int skipBlanks(int from, int to) {
        while (from < to && blank(bytes[from])) {
            from++;
        }
        return from;
    }

    /** {@code to} moved back over trailing spaces and tabs, not past {@code from}. */
    int trimBlanks(int from, int to) {
        while (to > from && blank(bytes[to - 1])) {
            to--;
        }
        return to;
    }

    /** The start of the line as printable text, for error messages only. */
    String preview() {
        int n = Math.min(keptLength(), 60);
        StringBuilder sb = new StringBuilder(n + 1);
        for (int i = 0; i < n; i++) {
            int c = bytes[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        if (length() > n) {
            sb.append('…');
        }
        return sb.toString();
    }

    static boolean blank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }
}
