package dev.supernodetwin.core.topology;

/**
 * A device id: {@code SUPERNODE/...}, unique across a fleet because it starts with its supernode's id.
 *
 * @param value the id as written on the wire
 */
public record DeviceId(String value) implements Comparable<DeviceId> {

    /** Validates the id's shape; membership in a topology is checked by the topology. */
    public DeviceId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("device id must not be blank");
        }
        if (value.indexOf('#') >= 0) {
            throw new IllegalArgumentException("device id '" + value + "' must not contain '#' (that marks a lane)");
        }
        if (value.indexOf('/') <= 0) {
            throw new IllegalArgumentException("device id '" + value + "' must start with its supernode id and a slash");
        }
    }

    /** The supernode part of the id (everything before the first slash). */
    public String supernode() {
        return value.substring(0, value.indexOf('/'));
    }

    @Override
    public int compareTo(DeviceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
