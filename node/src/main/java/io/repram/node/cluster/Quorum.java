package io.repram.node.cluster;

/** Write quorum and gossip fan-out arithmetic, as upstream defines them. */
public final class Quorum {
    /** Up to this many peers a message goes to all of them; above, to ⌈√N⌉ random ones. */
    public static final int FULL_BROADCAST_MAX = 10;

    private Quorum() {
    }

    /** ⌊min(same-enclave peers + 1, replication) / 2⌋ + 1 confirmations, the local store included. */
    public static int required(int sameEnclavePeers, int replication) {
        return Math.min(sameEnclavePeers + 1, Math.max(1, replication)) / 2 + 1;
    }

    /** How many peers one hop of gossip reaches. */
    public static int fanout(int peers) {
        return peers <= FULL_BROADCAST_MAX ? peers : (int) Math.ceil(Math.sqrt(peers));
    }
}
