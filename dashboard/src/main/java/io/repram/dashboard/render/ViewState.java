package io.repram.dashboard.render;

import java.util.Objects;

/**
 * What the dashboard itself adds on top of a snapshot.
 *
 * @param helpShown whether the help overlay covers the panels
 * @param notice    feedback on the user's last key ("Stopping: ..."), empty for none
 * @param matrix    whether a matrix runs ({@code run}) rather than a watch ({@code monitor}): the
 *                  keys shown before the first snapshot says which
 */
public record ViewState(boolean helpShown, String notice, boolean matrix) {

    public static final ViewState PLAIN = new ViewState(false, "");

    public ViewState {
        Objects.requireNonNull(notice, "notice");
    }

    /** A matrix run's view. */
    public ViewState(boolean helpShown, String notice) {
        this(helpShown, notice, true);
    }
}
