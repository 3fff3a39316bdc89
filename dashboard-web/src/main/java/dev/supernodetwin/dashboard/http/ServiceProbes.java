package dev.supernodetwin.dashboard.http;

/**
 * What the HTTP edge reports about the service: readiness (serve traffic, alert), liveness (restart
 * me if not) and Prometheus metrics. Kept separate so that a slow dependency makes the service
 * unready without making it look dead.
 */
public interface ServiceProbes {
    /** A probe's answer. */
    record Health(boolean ok, String detail) {
    }

    /** Whether the twin is caught up enough to be trusted. */
    Health ready();

    /** Whether the process is making progress at all. */
    Health alive();

    /** Metrics in the Prometheus text format. */
    String metrics();
}
