package io.repram.orchestrate.cli;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Lines meant for the terminal (engine progress, warnings). The engine gets its progress sink when
 * it opens, before any display does; while a full-screen display owns the terminal it diverts the
 * lines to itself, and gives them back to the terminal when it closes.
 */
final class ConsoleRoute implements Consumer<String> {

    private final Consumer<String> terminal;
    private volatile Consumer<String> target;

    ConsoleRoute(Consumer<String> terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.target = terminal;
    }

    @Override
    public void accept(String line) {
        target.accept(line);
    }

    void divert(Consumer<String> to) {
        target = Objects.requireNonNull(to, "to");
    }

    void restore() {
        target = terminal;
    }
}
