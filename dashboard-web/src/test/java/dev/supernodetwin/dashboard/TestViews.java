package dev.supernodetwin.dashboard;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.dashboard.api.ApiSources;
import dev.supernodetwin.dashboard.api.history.MemoryHistorySource;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.TopologyView;
import dev.supernodetwin.ingest.replay.ReplayControl;

import java.time.InstantSource;
import java.util.Optional;

/** Server views for tests of the live stream and replay: default rules, in-memory history, no simulator. */
public final class TestViews {
    private TestViews() {
    }

    /** Views of a twin that is not replaying. */
    public static DashboardServer.Views of(SensorLayout layout, SnapshotBoard board, AlertBoard alerts, LiveFeed feed) {
        return of(layout, board, alerts, feed, Optional.empty());
    }

    /** Views of a twin, replaying when {@code replay} is present. */
    public static DashboardServer.Views of(SensorLayout layout, SnapshotBoard board, AlertBoard alerts, LiveFeed feed,
                                           Optional<ReplayControl> replay) {
        ApiSources api = new ApiSources(layout, board, alerts, RuleSet.defaults(),
                new MemoryHistorySource(RecentHistory.withDefaults(layout.sensorCount())), Optional.empty(),
                InstantSource.system());
        return new DashboardServer.Views(TopologyView.of(layout.topology(), RuleSet.defaults()), feed, api, replay);
    }
}
