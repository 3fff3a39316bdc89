package dev.supernodetwin.dashboard.live;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Writes the two messages of the live stream (docs/dashboard.md, "Live stream"): a {@code full} message
 * with every value, and a {@code delta} with only the values that changed since the previous tick, as
 * flat {@code [index, value, ...]} pairs per key. Values come in already rounded
 * ({@link LiveColumn#fill}), so comparing them exactly is comparing what a page would show.
 */
public final class LiveMessages {
    /**
     * The fields every message carries.
     *
     * @param seq     tick number, one more per tick
     * @param sent    wall-clock ms when the tick was rendered
     * @param at      the twin's time of the snapshot, ms
     * @param frames  frames applied
     * @param samples samples applied
     * @param alerts  alert revision: changes whenever alert events arrive
     * @param replay  the replay state as a JSON object, while replaying
     */
    public record Header(long seq, long sent, long at, long frames, long samples, long alerts,
                         Optional<String> replay) {
    }

    private final List<LiveColumn> columns;
    private final StringBuilder out = new StringBuilder(16 * 1024);

    /** Messages for these columns; not thread-safe (one renderer thread reuses its buffer). */
    public LiveMessages(List<LiveColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The full message: every value of {@code values}. */
    public byte[] full(Header h, double[][] values) {
        start("full", h);
        for (int c = 0; c < columns.size(); c++) {
            LiveColumn col = columns.get(c);
            key(c, col);
            double[] v = values[c];
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                col.precision().write(out, v[i]);
            }
            out.append(']');
        }
        return finish();
    }

    /** The delta message: for each column with changes, {@code [index, value, ...]} of what differs. */
    public byte[] delta(Header h, double[][] previous, double[][] values) {
        start("delta", h);
        int written = 0;
        for (int c = 0; c < columns.size(); c++) {
            LiveColumn col = columns.get(c);
            double[] now = values[c];
            double[] before = previous[c];
            boolean open = false;
            for (int i = 0; i < now.length; i++) {
                if (same(now[i], before[i])) {
                    continue;
                }
                if (open) {
                    out.append(',');
                } else {
                    key(written++, col);
                    open = true;
                }
                out.append(i).append(',');
                col.precision().write(out, now[i]);
            }
            if (open) {
                out.append(']');
            }
        }
        return finish();
    }

    /** Rounded values are equal, NaN included (a value still missing is no change). */
    static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    private void start(String type, Header h) {
        out.setLength(0);
        out.append("{\"type\":\"").append(type).append("\",\"seq\":").append(h.seq())
                .append(",\"sent\":").append(h.sent())
                .append(",\"at\":").append(h.at())
                .append(",\"frames\":").append(h.frames())
                .append(",\"samples\":").append(h.samples())
                .append(",\"alerts\":").append(h.alerts());
        h.replay().ifPresent(r -> out.append(",\"replay\":").append(r));
        out.append(",\"values\":{");
    }

    private void key(int index, LiveColumn col) {
        if (index > 0) {
            out.append(',');
        }
        out.append('"').append(col.key()).append("\":[");
    }

    private byte[] finish() {
        out.append("}}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
