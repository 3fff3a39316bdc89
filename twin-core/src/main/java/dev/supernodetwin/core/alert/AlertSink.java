package dev.supernodetwin.core.alert;

/** Where alert events go: files, notifiers, the dashboard. Called on the writer thread; must not block. */
@FunctionalInterface
public interface AlertSink {
    /** One alert changing state. */
    void onAlert(AlertEvent event);
}
