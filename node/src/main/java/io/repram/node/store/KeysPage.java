package io.repram.node.store;

import java.util.List;

/** One page of sorted keys; {@code nextCursor} is null on the last page. */
public record KeysPage(List<String> keys, String nextCursor) {
    public KeysPage {
        keys = List.copyOf(keys);
    }
}
