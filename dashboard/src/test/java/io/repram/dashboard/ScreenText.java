package io.repram.dashboard;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

import java.util.ArrayList;
import java.util.List;

/** Reads back what a virtual terminal shows, one string per row. */
public final class ScreenText {

    private ScreenText() {
    }

    public static List<String> lines(DefaultVirtualTerminal terminal) {
        TerminalSize size = terminal.getTerminalSize();
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < size.getRows(); row++) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < size.getColumns(); column++) {
                line.append(terminal.getCharacter(column, row).getCharacterString());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    public static String text(DefaultVirtualTerminal terminal) {
        return String.join("\n", lines(terminal));
    }

    /** The row that contains {@code needle}, or fails naming what the screen showed. */
    public static String rowWith(DefaultVirtualTerminal terminal, String needle) {
        return lines(terminal).stream().filter(l -> l.contains(needle)).findFirst()
                .orElseThrow(() -> new AssertionError("no row contains '" + needle + "', screen:\n" + text(terminal)));
    }
}
