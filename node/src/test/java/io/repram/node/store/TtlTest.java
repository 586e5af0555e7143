package io.repram.node.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TtlTest {
    @Test
    void queryWinsOverHeader() {
        assertEquals(600, Ttl.resolve("600", "900", 300, 86400));
    }

    @Test
    void headerUsedWhenNoQuery() {
        assertEquals(900, Ttl.resolve(null, "900", 300, 86400));
        assertEquals(900, Ttl.resolve("", "900", 300, 86400));
    }

    @Test
    void missingOrInvalidBecomes3600() {
        assertEquals(3600, Ttl.resolve(null, null, 300, 86400));
        assertEquals(3600, Ttl.resolve("abc", "900", 300, 86400));
        assertEquals(3600, Ttl.resolve("-5", null, 300, 86400));
        assertEquals(3600, Ttl.resolve("0", null, 300, 86400));
        assertEquals(3600, Ttl.resolve("1.5", null, 300, 86400));
    }

    @Test
    void clampedToBounds() {
        assertEquals(300, Ttl.resolve("10", null, 300, 86400));
        assertEquals(86400, Ttl.resolve("999999", null, 300, 86400));
        assertEquals(1000, Ttl.resolve(null, null, 300, 1000));
    }

    @Test
    void aboveTheIntRangeIsClampedToMaxNotTheDefault() {
        assertEquals(86400, Ttl.resolve("99999999999", null, 300, 86400));
        assertEquals(86400, Ttl.resolve(null, "2147483648", 300, 86400));
        assertEquals(86400, Ttl.resolve("+99999999999999999999999", null, 300, 86400));
        assertEquals(3600, Ttl.resolve("-99999999999", null, 300, 86400));
    }

    @Test
    void gossipTtlIsClampedTheSameWay() {
        assertEquals(86400, Ttl.ofGossip(Integer.MAX_VALUE, 300, 86400));
        assertEquals(300, Ttl.ofGossip(5, 300, 86400));
        assertEquals(3600, Ttl.ofGossip(null, 300, 86400));
        assertEquals(3600, Ttl.ofGossip(-1, 300, 86400));
    }
}
