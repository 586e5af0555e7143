package io.repram.node.cluster;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentMessageIdsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void aRepeatedIdIsSeenAndADifferentOneIsNot() {
        RecentMessageIds ids = new RecentMessageIds(15_000, 1 << 10, now::get);
        assertTrue(ids.addIfAbsent("k-1"));
        assertFalse(ids.addIfAbsent("k-1"));
        assertTrue(ids.addIfAbsent("k-2"));
    }

    @Test
    void idsAreRememberedForOneToTwoWindowsThenForgotten() {
        RecentMessageIds ids = new RecentMessageIds(15_000, 1 << 10, now::get);
        assertTrue(ids.addIfAbsent("old"));
        now.addAndGet(16_000);
        assertFalse(ids.addIfAbsent("old"), "still remembered in the previous window");
        now.addAndGet(16_000);
        assertTrue(ids.addIfAbsent("old"), "two windows later it is new again");
    }

    @Test
    void removedIdsAreProcessedAgainAndDoNotBreakProbingForOthers() {
        RecentMessageIds ids = new RecentMessageIds(15_000, 1 << 4, now::get);
        for (int i = 0; i < 8; i++) assertTrue(ids.addIfAbsent("m-" + i));
        ids.remove("m-3");
        assertTrue(ids.addIfAbsent("m-3"));
        for (int i = 0; i < 8; i++) assertFalse(ids.addIfAbsent("m-" + i), "m-" + i);
    }

    @Test
    void aFullWindowRotatesEarlyWithoutLosingTheIdsJustAdded() {
        RecentMessageIds ids = new RecentMessageIds(15_000, 1 << 6, now::get);
        for (int i = 0; i < 100; i++) assertTrue(ids.addIfAbsent("burst-" + i), "burst-" + i);
        // 100 ids in tables of 32 usable slots: the last window and the one before still hold the latest.
        assertFalse(ids.addIfAbsent("burst-99"));
        assertFalse(ids.addIfAbsent("burst-70"));
    }

    @Test
    void hashesOfSimilarIdsDifferAndAvoidTheMarkerValues() {
        assertNotEquals(RecentMessageIds.hash("k-1732000000000000001"), RecentMessageIds.hash("k-1732000000000000002"));
        for (int i = 0; i < 10_000; i++) {
            long h = RecentMessageIds.hash("id-" + i);
            assertNotEquals(0L, h);
            assertNotEquals(-1L, h);
        }
    }
}
