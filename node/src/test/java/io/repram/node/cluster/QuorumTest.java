package io.repram.node.cluster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuorumTest {
    @Test
    void quorumFollowsUpstreamFormula() {
        assertEquals(1, Quorum.required(0, 3));  // single node: 201 at once
        assertEquals(2, Quorum.required(1, 3));  // min(2,3)/2+1
        assertEquals(2, Quorum.required(2, 3));  // min(3,3)/2+1
        assertEquals(2, Quorum.required(9, 3));  // replication caps it
        assertEquals(3, Quorum.required(9, 5));
        assertEquals(1, Quorum.required(5, 1));
        assertEquals(4, Quorum.required(20, 7));
    }

    @Test
    void fanoutIsAllUpToTenThenCeilSqrt() {
        assertEquals(0, Quorum.fanout(0));
        assertEquals(10, Quorum.fanout(10));
        assertEquals(4, Quorum.fanout(11));
        assertEquals(4, Quorum.fanout(16));
        assertEquals(5, Quorum.fanout(17));
        assertEquals(10, Quorum.fanout(100));
    }
}
