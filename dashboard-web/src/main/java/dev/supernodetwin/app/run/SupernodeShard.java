package dev.supernodetwin.app.run;

import dev.supernodetwin.app.config.RunSettings;
import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.app.state.AlertState;
import dev.supernodetwin.app.state.StateFile;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.core.diagnose.DetectionEngine;
import dev.supernodetwin.core.diagnose.DetectionSettings;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.dashboard.api.ApiSources;
import dev.supernodetwin.dashboard.api.history.HistorySources;
import dev.supernodetwin.dashboard.auth.AccessControl;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveSources;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.dashboard.live.TopologyView;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.history.HistorySettings;
import dev.supernodetwin.ingest.history.HistoryStats;
import dev.supernodetwin.ingest.history.InfluxHistorySink;
import dev.supernodetwin.ingest.kafka.Shard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One supernode as this instance models it, from the moment its partition is assigned until it moves
 * away: the twin and its decoder, detection, the published snapshot and alerts, history, silences and
 * acknowledgements, and the views the dashboard serves. Opened and closed on the writer thread.
 */
final class SupernodeShard implements Shard, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SupernodeShard.class);
    /**
     * The in-memory recent history of one supernode, when history is not in InfluxDB: an instance holds
     * several supernodes, so each gets a quarter of what a lone twin gets (its columns are spaced further).
     */
    static final long RECENT_HISTORY_BYTES = 16L << 20;

    private final Topology topology;
    private final Twin twin;
    private final FrameDecoder decoder;
    private final SnapshotPublisher publisher;
    private final AlertBoard alerts;
    private final AlertState alertState;
    private final DashboardServer.Views views;
    private final List<AutoCloseable> outputs;
    private final Optional<InfluxHistorySink> history;
    private volatile boolean rebuilding;

    /**
     * What every shard of an instance shares.
     *
     * @param settings the service's settings
     * @param clock    wall clock
     * @param access   who may use the dashboard
     * @param sinks    where reported alert events go beside the shard's own board and history (log, metrics,
     *                 alert file, notifier, the commit trigger); also told of restored events
     * @param fleet    the fleet topic as read: where an earlier owner's silences and acknowledgements are found
     * @param publish  publishes a record to the fleet topic (key, value)
     */
    record Common(RunSettings settings, InstantSource clock, AccessControl access, AlertSink sinks,
                  FleetBoard fleet, BiConsumer<String, byte[]> publish) {
    }

    private SupernodeShard(Topology topology, Twin twin, FrameDecoder decoder, SnapshotPublisher publisher,
                           AlertBoard alerts, AlertState alertState, DashboardServer.Views views,
                           List<AutoCloseable> outputs, Optional<InfluxHistorySink> history, boolean rebuilding) {
        this.topology = topology;
        this.twin = twin;
        this.decoder = decoder;
        this.publisher = publisher;
        this.alerts = alerts;
        this.alertState = alertState;
        this.views = views;
        this.outputs = outputs;
        this.history = history;
        this.rebuilding = rebuilding;
    }

    /** Builds the supernode's twin, detection and views; its state is empty until frames arrive. */
    static SupernodeShard open(TopologyDocument doc, boolean rebuilding, Common c) {
        RunSettings s = c.settings();
        Topology topo = Topology.of(doc);
        SensorLayout layout = new SensorLayout(topo);
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        FrameDecoder decoder = new FrameDecoder(layout);
        List<AutoCloseable> outputs = new ArrayList<>();
        // History is written off the hot path: the sink downsamples on this thread and a writer drains a bounded queue.
        Optional<InfluxHistorySink> history = s.influxUrl().map(url -> InfluxHistorySink.start(layout,
                HistorySettings.defaults().withUrl(url).withDatabase(s.influxDatabase())));
        history.ifPresent(twin::addListener);
        history.ifPresent(outputs::add);
        // The page's charts read InfluxDB when history goes there, else the recent history kept in memory.
        HistorySources charts = HistorySources.choose(s.influxUrl(), s.influxDatabase(), layout, RECENT_HISTORY_BYTES);
        charts.influx().ifPresent(outputs::add);
        SnapshotBoard board = new SnapshotBoard();
        // Published at least as often as the live stream ticks, so every tick can show something new.
        SnapshotPublisher publisher = new SnapshotPublisher(twin.state(), board, charts.recent(), c.clock(),
                Math.min(250, s.liveTickMs()));
        AlertBoard alerts = new AlertBoard();
        // Silences and acks follow the supernode: the newer of this instance's file and what its last owner
        // published wins, and every change is published for whoever owns it next.
        AlertState alertState = AlertState.open(new AlertState.Settings(stateDir(s.stateDir(), topo.supernode()),
                s.influxUrl(), s.influxDatabase()), topo, c.clock(), c.fleet().state(topo.supernode()));
        alertState.share(state -> c.publish().accept(FleetBoard.STATE_KEY + topo.supernode(),
                StateFile.render(state).toBuffer().getBytes()));
        outputs.add(alertState);
        AlertSink history0 = alertState.historySink();
        twin.addListener(new DetectionEngine(twin.state(), s.detection().rules(), DetectionSettings.defaults(),
                new AlertSink() {
                    @Override
                    public void onAlert(AlertEvent e) {
                        alerts.onAlert(e);
                        history0.onAlert(e);
                        c.sinks().onAlert(e);
                    }

                    @Override
                    public void onRestored(AlertEvent e) {
                        // What an earlier owner reported is shown as firing here, but not reported again.
                        alerts.onAlert(e);
                        c.sinks().onRestored(e);
                    }
                }));
        ApiSources api = new ApiSources(layout, board, alerts, s.detection().rules(), charts.source(),
                Optional.empty(), c.clock(), alertState.acks(), alertState.silences(), alertState.historySource());
        LiveFeed feed = new LiveFeed(LiveSources.live(board, () -> alerts.view().events()), new LiveView(layout),
                s.liveTickMs());
        outputs.add(0, feed);
        DashboardServer.Views views = new DashboardServer.Views(TopologyView.of(topo, s.detection().rules()), feed,
                api, Optional.empty(), c.access());
        return new SupernodeShard(topo, twin, decoder, publisher, alerts, alertState, views, outputs, history, rebuilding);
    }

    /**
     * The supernode's own folder under the state directory, so that silences and acknowledgements stay with
     * their supernode wherever it is modelled.
     */
    static Path stateDir(Path root, String supernode) {
        Path dir = root.resolve(supernode);
        Path legacy = root.resolve(StateFile.FILE);
        try {
            // Before instances shared supernodes, the one supernode's file sat in the root: move it home.
            if (!Files.exists(dir.resolve(StateFile.FILE)) && Files.isRegularFile(legacy)
                    && Files.readString(legacy).contains("\"" + supernode + "/")) {
                Files.createDirectories(dir);
                Files.move(legacy, dir.resolve(StateFile.FILE));
                LOG.info("moved {} to {}: silences and acknowledgements are kept per supernode now", legacy, dir);
            }
        } catch (IOException e) {
            LOG.warn("cannot move {} into {} ({}); its silences are not restored", legacy, dir, e.getMessage());
        }
        return dir;
    }

    @Override
    public String supernode() {
        return topology.supernode();
    }

    @Override
    public Twin twin() {
        return twin;
    }

    @Override
    public FrameDecoder decoder() {
        return decoder;
    }

    /** What the dashboard serves of this supernode. */
    DashboardServer.Views views() {
        return views;
    }

    /** Alerts firing and recent events. */
    AlertBoard alerts() {
        return alerts;
    }

    /** True until the shard has caught up with what earlier owners handled. */
    boolean rebuilding() {
        return rebuilding;
    }

    /** The rebuild is over: from now on it reports. */
    void rebuilt() {
        rebuilding = false;
        publisher.run();
    }

    /** Publishes the latest snapshot when due; writer thread, after every poll. */
    void publish() {
        publisher.run();
    }

    /** Frames this shard's decoder rejected, by reason code. */
    long rejections(dev.supernodetwin.ingest.codec.RejectReason reason) {
        return decoder.rejections(reason);
    }

    /** The history writer's counters, when history goes to InfluxDB. */
    Optional<HistoryStats> historyStats() {
        return history.map(InfluxHistorySink::stats);
    }

    /** Takes silences and acknowledgements an earlier owner changed last, when newer than those here. */
    void adopt(StateFile.State newer) {
        if (alertState.adopt(newer)) {
            LOG.info("supernode {}: took the silences and acknowledgements its earlier owner changed last",
                    supernode());
        }
    }

    /** Silences of this supernode, for the notifier's predicate. */
    boolean silenced(AlertEvent e) {
        return alertState.silences().test(e);
    }

    @Override
    public void close() {
        for (AutoCloseable output : outputs) {
            try {
                output.close();
            } catch (Exception e) {
                LOG.warn("{} of {} did not close cleanly: {}", output.getClass().getSimpleName(), supernode(),
                        e.getMessage());
            }
        }
    }
}
