package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.dashboard.api.history.HistorySource;

import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * What the REST resources read: all published, thread-safe views of the twin, so no resource ever
 * touches the twin's writer.
 *
 * @param layout   the sensor layout (and through it the topology)
 * @param board    the latest published snapshot
 * @param alerts   alerts firing and recent alert events
 * @param rules    the rules in force, for thresholds
 * @param history  where {@code /api/history} reads
 * @param faults   the simulator's fault injection, present only in {@code twin demo}
 * @param clock    wall clock, for acknowledgement times
 * @param acks     acknowledgements, shared by every server instance (the edge runs on several event loops)
 * @param silences silences by topology, shared likewise
 * @param alertHistory where {@code /api/alerts/history} reads
 */
public record ApiSources(SensorLayout layout, SnapshotBoard board, AlertBoard alerts, RuleSet rules,
                         HistorySource history, Optional<FaultInjector> faults, InstantSource clock, AckBoard acks,
                         SilenceBoard silences, AlertHistorySource alertHistory) {
    /** Sources with empty acknowledgement and silence boards, and no alert history. */
    public ApiSources(SensorLayout layout, SnapshotBoard board, AlertBoard alerts, RuleSet rules,
                      HistorySource history, Optional<FaultInjector> faults, InstantSource clock) {
        this(layout, board, alerts, rules, history, faults, clock, new AckBoard());
    }

    /** Sources with an empty silence board and no alert history. */
    public ApiSources(SensorLayout layout, SnapshotBoard board, AlertBoard alerts, RuleSet rules,
                      HistorySource history, Optional<FaultInjector> faults, InstantSource clock, AckBoard acks) {
        this(layout, board, alerts, rules, history, faults, clock, acks,
                new SilenceBoard(layout.topology(), clock), AlertHistorySource.NONE);
    }

    /** Requires every part. */
    public ApiSources {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(acks, "acks");
        Objects.requireNonNull(silences, "silences");
        Objects.requireNonNull(alertHistory, "alertHistory");
    }
}
