package dev.supernodetwin.core.state;

/** Whether a sensor's last value can be trusted as current. */
public enum Freshness {
    /** Reported recently enough. */
    FRESH,
    /** Reported once, but not within its staleness window: the value shown is history, not the present. */
    STALE,
    /** Never reported. */
    MISSING
}
