package dev.supernodetwin.app;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One progress line on stderr, rewritten in place on a terminal and printed as separate lines
 * otherwise (so logs stay readable).
 */
final class ProgressLine {
    private final PrintStream err;
    private final boolean terminal = System.console() != null;
    private boolean open;

    ProgressLine(PrintStream err) {
        this.err = err;
    }

    /** Shows {@code text} as the current progress. */
    void show(String text) {
        if (terminal) {
            err.print("\r" + text + "\033[K");
            open = true;
        } else {
            err.println(text);
        }
        err.flush();
    }

    /** Ends the line, so what follows starts on a new one. */
    void finish() {
        if (open) {
            err.println();
            open = false;
        }
    }

    /** {@code 1:02:03} or {@code 2:03}. */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** {@code 12.3 M} style. */
    static String si(double v) {
        if (v >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ", v);
    }
}
