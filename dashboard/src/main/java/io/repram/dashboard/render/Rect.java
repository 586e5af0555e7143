package io.repram.dashboard.render;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;

/** A screen area in columns and rows; {@link #within} gives a graphics clipped to it. */
public record Rect(int column, int row, int width, int height) {

    public static final Rect EMPTY = new Rect(0, 0, 0, 0);

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }

    public TextGraphics within(TextGraphics graphics) {
        return graphics.newTextGraphics(new TerminalPosition(column, row), new TerminalSize(width, height));
    }
}
