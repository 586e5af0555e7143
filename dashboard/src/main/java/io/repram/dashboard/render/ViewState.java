package io.repram.dashboard.render;

import java.util.Objects;

/**
 * What the dashboard itself adds on top of a snapshot.
 *
 * @param helpShown whether the help overlay covers the panels
 * @param notice    feedback on the user's last key ("Stopping: ..."), empty for none
 */
public record ViewState(boolean helpShown, String notice) {

    public static final ViewState PLAIN = new ViewState(false, "");

    public ViewState {
        Objects.requireNonNull(notice, "notice");
    }
}
