package dev.supernodetwin.ingest.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.supernodetwin.core.metric.Metric;

import java.io.IOException;

/** Wording for rejection details. Only called on the rejection path, so it may allocate freely. */
final class Describe {
    static final Metric[] METRIC_BY_ORDINAL = Metric.values();
    private static final int MAX_EXCERPT = 40;

    private Describe() {
    }

    /** {@code metrics.temp_c} or {@code lanes[3].rx_dbm}. */
    static String field(int lane, Metric m) {
        return (lane < 0 ? "metrics." : "lanes[" + lane + "].") + m.wireName();
    }

    /** {@code -60..250 °C}. */
    static String range(Metric m) {
        String unit = m.unit().symbol();
        return number(m.physicalMin()) + ".." + number(m.physicalMax()) + (unit.isEmpty() ? "" : " " + unit);
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The current value in words: {@code a string "61.2"}, {@code an object}, {@code null}. */
    static String token(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string " + quoted(p.getText());
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean " + p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + excerpt(p.getText());
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    static String quoted(String s) {
        return "\"" + excerpt(s) + "\"";
    }

    private static String excerpt(String s) {
        return s.length() <= MAX_EXCERPT ? s : s.substring(0, MAX_EXCERPT) + "...(" + s.length() + " chars)";
    }
}
