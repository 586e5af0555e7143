package io.repram.orchestrate.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one scenario file, so the user can fix them all in one go. */
final class Problems {

    private record Problem(YamlTree.Position position, String message) {
    }

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(YamlTree.Position position, String message) {
        problems.add(new Problem(position, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws a {@link ScenarioException} listing every problem in file order, if there is any. */
    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        List<String> lines = problems.stream()
                .sorted(Comparator.comparingInt((Problem p) -> p.position().line())
                        .thenComparingInt(p -> p.position().column()))
                .map(p -> file + ":" + p.position().line() + ":" + p.position().column() + ": " + p.message())
                .toList();
        throw new ScenarioException(lines);
    }
}
