package io.repram.orchestrate.scenario;

import java.util.List;

/**
 * A scenario (file, flags or their combination) is invalid. The message is ready to print: one
 * problem per line, each as {@code file:line:column: message} when it comes from a file. The CLI
 * maps this to exit code 2 and starts nothing.
 */
public final class ScenarioException extends RuntimeException {

    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(String problem) {
        this(List.of(problem));
    }

    /** Each problem on its own, in file order. */
    public List<String> problems() {
        return problems;
    }
}
