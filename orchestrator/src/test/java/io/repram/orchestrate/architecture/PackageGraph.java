package io.repram.orchestrate.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The package dependency graph of a source tree: an edge for every import, static import or
 * fully qualified name of another package under the base package. Comments and string literals
 * are stripped first, so a class name in a string (a main class, a log line) is no dependency.
 */
final class PackageGraph {
    private final Map<String, Set<String>> edges = new TreeMap<>();

    static PackageGraph of(Path sourceRoot, String basePackage) {
        PackageGraph g = new PackageGraph();
        Pattern pkg = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
        Pattern ref = Pattern.compile("\\b(" + Pattern.quote(basePackage) + "(?:\\.[a-z_][\\w]*)*)\\.[A-Z]");
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = stripCommentsAndStrings(Files.readString(f));
                Matcher m = pkg.matcher(src);
                if (!m.find()) continue;
                String from = m.group(1);
                g.edges.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher r = ref.matcher(src);
                while (r.find()) {
                    String to = r.group(1);
                    if (!to.equals(from)) g.add(from, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    void add(String from, String to) {
        edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        edges.computeIfAbsent(to, k -> new TreeSet<>());
    }

    Set<String> packages() {
        return edges.keySet();
    }

    /** Packages that reference {@code target} (other than itself and its subpackages). */
    List<String> dependentsOf(String target) {
        List<String> out = new ArrayList<>();
        edges.forEach((from, tos) -> {
            if (!from.equals(target) && !from.startsWith(target + ".") && tos.contains(target)) out.add(from);
        });
        return out;
    }

    /** Every strongly connected set of more than one package (Tarjan), each sorted. */
    List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) connect(v, index, low, stack, onStack, out, counter);
        }
        return out;
    }

    private void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                         Set<String> onStack, List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : edges.get(v)) {
            if (!index.containsKey(w)) {
                connect(w, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> scc = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1) out.add(scc);
        }
    }

    static String stripCommentsAndStrings(String src) {
        StringBuilder b = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                b.append(' ');
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                b.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && src.charAt(i) != c) i += src.charAt(i) == '\\' ? 2 : 1;
                i++;
                b.append("\"\"");
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
