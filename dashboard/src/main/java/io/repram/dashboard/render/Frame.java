package io.repram.dashboard.render;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.Symbols;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

/** Draws a titled single-line box and hands back the graphics of its inside. */
final class Frame {

    private Frame() {
    }

    static TextGraphics draw(TextGraphics outer, Rect area, String title) {
        TextGraphics g = area.within(outer);
        int w = area.width();
        int h = area.height();
        g.setForegroundColor(TextColor.ANSI.BLUE_BRIGHT);
        g.drawLine(1, 0, w - 2, 0, Symbols.SINGLE_LINE_HORIZONTAL);
        g.drawLine(1, h - 1, w - 2, h - 1, Symbols.SINGLE_LINE_HORIZONTAL);
        g.drawLine(0, 1, 0, h - 2, Symbols.SINGLE_LINE_VERTICAL);
        g.drawLine(w - 1, 1, w - 1, h - 2, Symbols.SINGLE_LINE_VERTICAL);
        g.setCharacter(0, 0, Symbols.SINGLE_LINE_TOP_LEFT_CORNER);
        g.setCharacter(w - 1, 0, Symbols.SINGLE_LINE_TOP_RIGHT_CORNER);
        g.setCharacter(0, h - 1, Symbols.SINGLE_LINE_BOTTOM_LEFT_CORNER);
        g.setCharacter(w - 1, h - 1, Symbols.SINGLE_LINE_BOTTOM_RIGHT_CORNER);
        if (!title.isEmpty() && w > 6) {
            g.setForegroundColor(TextColor.ANSI.WHITE_BRIGHT);
            g.putString(2, 0, " " + Units.fit(title, w - 6) + " ", SGR.BOLD);
        }
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        return g.newTextGraphics(new TerminalPosition(1, 1), new TerminalSize(Math.max(0, w - 2), Math.max(0, h - 2)));
    }
}
