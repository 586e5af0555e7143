package io.repram.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One conformance fixture ({@code src/test/resources/<feature>/<case>.case}): expectations
 * ("key: value" lines), a "---" line, then the response bytes. In the bytes part line breaks are
 * for reading only; {@code \r \n \t \\ \xHH} spell the bytes.
 *
 * @param after bytes after the end of the response, which the parser must leave unconsumed
 * @param eof   whether the response only ends when the server closes
 * @param error a part of the exception's message when the response is malformed, else null
 * @param close null when the case does not say
 * @param body  null when the case does not say
 */
record WireCase(String name, byte[] wire, int status, String body, Boolean close, int after, boolean eof,
                String error) {

    static final List<String> FEATURES = List.of("status-line", "interim", "content-length", "chunked",
            "until-close", "no-body", "keep-alive", "malformed");

    static List<WireCase> all() {
        return FEATURES.stream().flatMap(WireCase::feature).toList();
    }

    private static Stream<WireCase> feature(String feature) {
        URL dir = WireCase.class.getClassLoader().getResource(feature);
        if (dir == null) {
            throw new IllegalStateException("no fixtures for " + feature);
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".case")).sorted()
                    .map(p -> load(feature + "/" + p.getFileName().toString().replace(".case", ""), p))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static WireCase load(String name, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int split = text.indexOf("\n---\n");
        if (split < 0) {
            throw new IllegalArgumentException(name + ": no --- line");
        }
        Map<String, String> expect = new HashMap<>();
        for (String line : text.substring(0, split).split("\n")) {
            int colon = line.indexOf(':');
            expect.put(line.substring(0, colon).trim(), line.substring(colon + 1).strip());
        }
        return new WireCase(name, unescape(text.substring(split + 5)),
                Integer.parseInt(expect.getOrDefault("status", "0")),
                expect.get("body"),
                expect.containsKey("close") ? Boolean.valueOf(expect.get("close")) : null,
                Integer.parseInt(expect.getOrDefault("after", "0")),
                Boolean.parseBoolean(expect.getOrDefault("eof", "false")),
                expect.get("error"));
    }

    private static byte[] unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                continue;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                case 'x' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e);
            }
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return name;
    }
}
