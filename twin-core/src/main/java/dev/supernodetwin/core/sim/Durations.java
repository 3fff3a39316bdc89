package dev.supernodetwin.core.sim;

import java.util.Locale;

/**
 * Reads and writes durations as scenario files and command lines spell them: {@code 500ms}, {@code 30s},
 * {@code 10m}, {@code 2h}, {@code 1d}, or a plain number of milliseconds.
 */
public final class Durations {
    private Durations() {
    }

    /**
     * Parses a duration into milliseconds.
     *
     * @throws IllegalArgumentException saying what is accepted, when {@code text} is not a duration
     */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; write e.g. 500ms, 30s, 10m, 2h, 1d or a number of ms");
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < s.length() && (Character.isDigit(s.charAt(split)) || s.charAt(split) == '.')) {
            split++;
        }
        String number = s.substring(0, split);
        String unit = s.substring(split).trim();
        long factor = switch (unit) {
            case "", "ms" -> 1L;
            case "s" -> 1_000L;
            case "m", "min" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> -1L;
        };
        if (factor < 0 || number.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 500ms, 30s, 10m, 2h, 1d"
                    + " or a number of ms");
        }
        try {
            double value = Double.parseDouble(number);
            return Math.round(value * factor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; the number part is malformed", e);
        }
    }

    /** Writes milliseconds in the largest unit that divides them exactly, e.g. {@code 600000 -> "10m"}. */
    public static String format(long millis) {
        long[] factors = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < factors.length; i++) {
            if (millis != 0 && millis % factors[i] == 0) {
                return millis / factors[i] + units[i];
            }
        }
        return millis + "ms";
    }
}
