package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.ingest.alerthistory.AlertHistoryEntry;
import dev.supernodetwin.ingest.alerthistory.AlertHistoryQuery;

import java.util.List;

/** Where {@code GET /api/alerts/history} reads; called on a worker thread, so it may block. */
@FunctionalInterface
public interface AlertHistorySource {
    /** No alert history kept: every query answers nothing. */
    AlertHistorySource NONE = q -> List.of();

    /** The entries answering {@code query}, newest first. */
    List<AlertHistoryEntry> read(AlertHistoryQuery query);
}
