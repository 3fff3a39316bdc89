package dev.supernodetwin.core.alert;

/** Where alert events go: files, notifiers, the dashboard. Called on the writer thread; must not block. */
@FunctionalInterface
public interface AlertSink {
    /** One alert changing state. */
    void onAlert(AlertEvent event);

    /**
     * An alert event re-derived while rebuilding state from frames an earlier owner of the supernode had
     * already handled (see {@code FrameListener#onRebuild}): that owner reported it. Keep it as state (what is
     * firing) but do not report it again; the default ignores it.
     */
    default void onRestored(AlertEvent event) {
    }
}
