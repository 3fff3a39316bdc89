package dev.supernodetwin.app.run;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertSink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Several alert sinks as one, for reported and restored events alike. Sinks are added before the writer starts. */
final class AlertFanout implements AlertSink {
    private final List<AlertSink> sinks = new CopyOnWriteArrayList<>();

    /** Adds a sink; it hears of events from now on. */
    void add(AlertSink sink) {
        sinks.add(sink);
    }

    @Override
    public void onAlert(AlertEvent event) {
        for (AlertSink s : sinks) {
            s.onAlert(event);
        }
    }

    @Override
    public void onRestored(AlertEvent event) {
        for (AlertSink s : sinks) {
            s.onRestored(event);
        }
    }
}
