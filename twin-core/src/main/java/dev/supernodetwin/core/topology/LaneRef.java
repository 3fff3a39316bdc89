package dev.supernodetwin.core.topology;

import java.util.Optional;

/**
 * A reference to one lane of a device, written {@code DEVICE#INDEX}: an optical channel of an engine,
 * a laser of an external laser source or a port of an optical circuit switch.
 *
 * @param device the device id as written
 * @param index  the lane index, from 0
 */
public record LaneRef(String device, int index) {

    /** Checks the parts are usable. */
    public LaneRef {
        if (device == null || device.isEmpty()) {
            throw new IllegalArgumentException("lane reference needs a device");
        }
        if (index < 0) {
            throw new IllegalArgumentException("lane index must be >= 0, was " + index);
        }
    }

    /** Parses {@code DEVICE#INDEX}; empty if the text is not of that form. */
    public static Optional<LaneRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int hash = text.lastIndexOf('#');
        if (hash <= 0 || hash == text.length() - 1) {
            return Optional.empty();
        }
        String digits = text.substring(hash + 1);
        if (digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(new LaneRef(text.substring(0, hash), Integer.parseInt(digits)));
    }

    @Override
    public String toString() {
        return device + "#" + index;
    }
}
