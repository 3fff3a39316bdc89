package dev.supernodetwin.core.topology;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * An immutable sequence of ints: device or lane indices returned by topology look-ups. Built once
 * when the topology is indexed, so look-ups on the detection path allocate nothing.
 */
public final class IntSeq {
    /** The empty sequence. */
    public static final IntSeq EMPTY = new IntSeq(new int[0]);

    private final int[] values;

    private IntSeq(int[] values) {
        this.values = values;
    }

    /** A sequence holding a copy of {@code values}. */
    public static IntSeq of(int... values) {
        return values.length == 0 ? EMPTY : new IntSeq(values.clone());
    }

    static IntSeq wrap(int[] values) {
        return values.length == 0 ? EMPTY : new IntSeq(values);
    }

    /** Number of elements. */
    public int size() {
        return values.length;
    }

    /** Whether there are no elements. */
    public boolean isEmpty() {
        return values.length == 0;
    }

    /** Element {@code i}. */
    public int get(int i) {
        return values[i];
    }

    /** Whether {@code value} is an element. */
    public boolean contains(int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** The elements as a stream. */
    public IntStream stream() {
        return Arrays.stream(values);
    }

    /** A copy of the elements. */
    public int[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntSeq other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
