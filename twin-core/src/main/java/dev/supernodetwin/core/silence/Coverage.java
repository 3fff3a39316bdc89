package dev.supernodetwin.core.silence;

import java.util.BitSet;
import java.util.Objects;

/**
 * The devices and lanes a silence covers, as topology device indices and global lane indices. Bit sets
 * keep it compact: even a rack silence on a thousand-GPU supernode is a few kilobytes.
 */
public final class Coverage {
    private final BitSet devices;
    private final BitSet lanes;

    Coverage(BitSet devices, BitSet lanes) {
        this.devices = (BitSet) Objects.requireNonNull(devices, "devices").clone();
        this.lanes = (BitSet) Objects.requireNonNull(lanes, "lanes").clone();
    }

    /** Whether device {@code index} is covered. */
    public boolean coversDevice(int index) {
        return index >= 0 && devices.get(index);
    }

    /** Whether global lane {@code lane} is covered. */
    public boolean coversLane(int lane) {
        return lane >= 0 && lanes.get(lane);
    }

    /** How many devices are covered. */
    public int deviceCount() {
        return devices.cardinality();
    }

    /** How many lanes are covered. */
    public int laneCount() {
        return lanes.cardinality();
    }

    /** The covered device indices, ascending. */
    public int[] devices() {
        return devices.stream().toArray();
    }

    /** The covered global lane indices, ascending. */
    public int[] lanes() {
        return lanes.stream().toArray();
    }
}
