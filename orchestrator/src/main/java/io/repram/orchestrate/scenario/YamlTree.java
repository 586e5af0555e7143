package io.repram.orchestrate.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each key and value stood, so that every
 * validation problem can be reported as {@code file:line:column}. Jackson's own JsonNode drops
 * locations, hence this small tree built from Jackson's YAML token stream.
 */
final class YamlTree {

    /** 1-based line and column. */
    record Position(int line, int column) {
        static Position of(JsonLocation location) {
            return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
        }
    }

    sealed interface Node permits MapNode, ListNode, Scalar {
        Position position();

        /** What a user would call this kind of value, for messages. */
        String kind();
    }

    record Entry(String key, Position keyPosition, Node value) {
    }

    record MapNode(Position position, Map<String, Entry> entries) implements Node {
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(Position position, List<Node> items) implements Node {
        public String kind() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is null for YAML null ({@code null}, {@code ~} or nothing). */
    record Scalar(Position position, JsonToken token, String text) implements Node {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }

        public String kind() {
            return isNull() ? "null" : "the value '" + text + "'";
        }
    }

    private final JsonParser parser;
    private final Problems problems;

    private YamlTree(JsonParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /**
     * Parses one YAML document. Syntax errors, duplicate keys and an empty document go to
     * {@code problems}; a syntax error or an empty document returns null.
     */
    static Node parse(Reader reader, Problems problems) {
        try (JsonParser parser = new YAMLFactory().createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                // Running the defaults for an empty file would hide a wrong path or a truncated file.
                problems.add(new Position(1, 1), "the scenario file is empty (no keys, only blanks or comments)."
                        + " Fix: give at least a matrix, as in scenarios/quick.yaml, or leave the file out to run"
                        + " the defaults on purpose");
                return null;
            }
            return new YamlTree(parser, problems).readValue();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            Position at = location == null ? new Position(1, 1) : Position.of(location);
            problems.add(at, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + " (check the indentation and that every 'key: value' has a space after the colon)");
            return null;
        } catch (IOException e) {
            problems.add(new Position(1, 1), "cannot read the file: " + e.getMessage());
            return null;
        }
    }

    private Node readValue() throws IOException {
        Position at = Position.of(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Position keyAt = Position.of(parser.currentTokenLocation());
                    parser.nextToken();
                    Node value = readValue();
                    if (entries.containsKey(key)) {
                        Position first = entries.get(key).keyPosition();
                        problems.add(keyAt, "'" + key + "' is given twice (first at line " + first.line()
                                + "); keep one of them");
                    } else {
                        entries.put(key, new Entry(key, keyAt, value));
                    }
                }
                return new MapNode(at, Collections.unmodifiableMap(entries));
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue());
                }
                return new ListNode(at, List.copyOf(items));
            }
            case VALUE_NULL -> {
                return new Scalar(at, token, null);
            }
            default -> {
                return new Scalar(at, token, parser.getText());
            }
        }
    }
}
