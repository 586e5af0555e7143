package io.repram.orchestrate.load;

/**
 * The key ids one load run uses: {@code offset .. offset+count-1} of the workload's key space.
 * Distributed agents get disjoint slices of one key space, so that no two write the same key and
 * each reads only its own writes. Checked against the key space by {@link LoadSpec}.
 */
public record KeyRange(int offset, int count) {

    /** Every key of a key space. */
    public static KeyRange whole(int keySpace) {
        return new KeyRange(0, Math.max(1, keySpace));
    }

    /**
     * Slice {@code index} of {@code parts} equal slices of this range, the first ones one key longer.
     *
     * @throws IllegalArgumentException when there are more parts than keys or index is out of range
     */
    public KeyRange slice(int index, int parts) {
        if (parts < 1 || index < 0 || index >= parts) {
            throw new IllegalArgumentException("slice " + index + " of " + parts + " does not exist");
        }
        if (count < parts) {
            throw new IllegalArgumentException("key space " + count + " is smaller than the " + parts
                    + " load agents: every agent needs at least one key of its own; use a larger key_space");
        }
        int base = count / parts;
        int remainder = count % parts;
        return new KeyRange(offset + index * base + Math.min(index, remainder), base + (index < remainder ? 1 : 0));
    }
}
