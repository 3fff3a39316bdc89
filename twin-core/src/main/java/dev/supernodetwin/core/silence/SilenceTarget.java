package dev.supernodetwin.core.silence;

import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.Topology;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a silence names, validated against a topology: a device ({@code sn01/t01/els0}), a lane
 * ({@code sn01/t01/els0#0}), a tray ({@code tray:t07}, or {@code tray:r3/t07} for one rack's tray) or a
 * rack ({@code rack:r3}).
 *
 * @param text the target as written, the form it is stored and shown in
 * @param kind which of the four forms it is
 * @param name the device id, lane reference, tray or rack after the prefix
 */
public record SilenceTarget(String text, Kind kind, String name) {
    /** Longest target accepted; longer text is not a target of any topology. */
    public static final int MAX_LENGTH = 300;

    /** The forms a target takes. */
    public enum Kind { DEVICE, LANE, TRAY, RACK }

    /** Requires every part. */
    public SilenceTarget {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses {@code text} and checks that it names something in {@code topology}.
     *
     * @return the target, empty when the text is malformed or names nothing in the topology
     */
    public static Optional<SilenceTarget> parse(String text, Topology topology) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.startsWith("tray:")) {
            String tray = t.substring(5);
            return anyDevice(topology, tray, Kind.TRAY) ? Optional.of(new SilenceTarget(t, Kind.TRAY, tray))
                    : Optional.empty();
        }
        if (t.startsWith("rack:")) {
            String rack = t.substring(5);
            return anyDevice(topology, rack, Kind.RACK) ? Optional.of(new SilenceTarget(t, Kind.RACK, rack))
                    : Optional.empty();
        }
        if (topology.indexOf(t).isPresent()) {
            return Optional.of(new SilenceTarget(t, Kind.DEVICE, t));
        }
        OptionalInt lane = topology.lane(t);
        return lane.isPresent() ? Optional.of(new SilenceTarget(t, Kind.LANE, t)) : Optional.empty();
    }

    /** Whether {@code device} sits in the tray or rack this target names; false for device and lane targets. */
    public boolean holds(Device device) {
        return switch (kind) {
            case TRAY -> inTray(device, name);
            case RACK -> device.spec().rack().map(name::equals).orElse(false);
            case DEVICE, LANE -> false;
        };
    }

    private static boolean anyDevice(Topology topology, String name, Kind kind) {
        if (name.isEmpty()) {
            return false;
        }
        SilenceTarget probe = new SilenceTarget(name, kind, name);
        return topology.devices().stream().anyMatch(probe::holds);
    }

    // Tray names repeat across racks (every rack has a t01), so "r3/t07" narrows to one rack.
    private static boolean inTray(Device device, String name) {
        Optional<String> tray = device.spec().tray();
        if (tray.isEmpty()) {
            return false;
        }
        if (tray.get().equals(name)) {
            return true;
        }
        return device.spec().rack().map(rack -> (rack + "/" + tray.get()).equals(name)).orElse(false);
    }

    @Override
    public String toString() {
        return text;
    }
}
