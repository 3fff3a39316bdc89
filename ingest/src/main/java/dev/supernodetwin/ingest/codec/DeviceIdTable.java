package dev.supernodetwin.ingest.codec;

import dev.supernodetwin.core.topology.Topology;

/**
 * Device id to index, looked up straight from the parser's character buffer so that resolving a
 * frame's device allocates no String. Open addressing over a power-of-two table.
 */
final class DeviceIdTable {
    private final char[][] keys;
    private final int[] indices;
    private final int mask;

    DeviceIdTable(Topology topology) {
        int n = topology.deviceCount();
        int size = Integer.highestOneBit(Math.max(4, n * 3)) << 1;
        keys = new char[size][];
        indices = new int[size];
        mask = size - 1;
        for (int d = 0; d < n; d++) {
            char[] id = topology.device(d).id().value().toCharArray();
            int slot = hash(id, 0, id.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = id;
            indices[slot] = d;
        }
    }

    /** The device index of the id in {@code chars[offset, offset+length)}, or -1. */
    int lookup(char[] chars, int offset, int length) {
        int slot = hash(chars, offset, length) & mask;
        char[] key;
        while ((key = keys[slot]) != null) {
            if (matches(key, chars, offset, length)) {
                return indices[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static boolean matches(char[] key, char[] chars, int offset, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] chars, int offset, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[offset + i];
        }
        return h ^ (h >>> 16);
    }
}
