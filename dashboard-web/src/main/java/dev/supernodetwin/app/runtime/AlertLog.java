package dev.supernodetwin.app.runtime;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.supernodetwin.ingest.alerts.AlertEventJson.lower;

/**
 * One INFO line per alert event, for whoever watches the service's log:
 * {@code alert firing critical optical.laser root cause sn01/t15/els0#7, 8 affected: <summary>}.
 */
public final class AlertLog implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger(AlertLog.class);

    @Override
    public void onAlert(AlertEvent e) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(e));
        }
    }

    /** The log line of one event. */
    static String line(AlertEvent e) {
        AlertEvent.RootCause root = e.rootCause();
        String cause = root.device() + (root.lane().isPresent() ? "#" + root.lane().getAsInt() : "");
        return "alert " + lower(e.state()) + " " + lower(e.severity()) + " " + e.rule() + " root cause " + cause
                + ", " + e.affected().size() + " affected: " + (e.summary() == null ? root.reason() : e.summary());
    }
}
