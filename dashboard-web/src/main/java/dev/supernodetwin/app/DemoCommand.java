package dev.supernodetwin.app;

import dev.supernodetwin.app.config.AccessSettings;
import dev.supernodetwin.app.config.InvalidSettingsException;
import dev.supernodetwin.app.config.RunSettings;
import dev.supernodetwin.app.config.ReceiversFile;
import dev.supernodetwin.app.notify.Notifier;
import dev.supernodetwin.app.notify.SendContext;
import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.state.AlertState;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.app.runtime.AlertLog;
import dev.supernodetwin.app.runtime.DemoProbes;
import dev.supernodetwin.app.runtime.SimulatedSupernode;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.diagnose.DetectionEngine;
import dev.supernodetwin.core.diagnose.DetectionSettings;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.sim.Durations;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.dashboard.api.ApiSources;
import dev.supernodetwin.dashboard.api.history.MemoryHistorySource;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveSources;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.dashboard.live.TopologyView;
import dev.supernodetwin.ingest.notify.Receivers;
import dev.supernodetwin.ingest.scenario.ScenarioReader;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code twin demo}: a simulated supernode feeding the twin in-process, served live in the browser. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs a simulated supernode in-process, feeds the twin and serves the live page.",
                "The twin detects (the built-in rules, or --rules); alert events go to the log and /api/alerts,",
                "and to Alertmanager and webhooks with --receivers.",
                "Needs no external services. Open the printed address in a browser; stop with Ctrl-C."})
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Mixin
    TopologyOptions topology;

    @Mixin
    RulesOption rules;

    @Mixin
    LiveTickOption liveTick;

    @Mixin
    AccessOptions accessOptions;

    @Mixin
    ReceiversOption receivers;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Faults to inject (YAML or JSON; onsets count from the start of the demo).")
    Path scenario;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to serve on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to serve on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--state-dir", defaultValue = "${env:TWIN_STATE_DIR:-./twin-state}", paramLabel = "DIR",
            description = "Folder for silences, acknowledgements and alert history (default: ${DEFAULT-VALUE}).")
    private Path stateDir;

    @Option(names = "--period", defaultValue = "500ms", paramLabel = "D",
            description = "Telemetry period of the simulated devices, e.g. 500ms or 1s (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--seed", defaultValue = "1", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        long periodMillis = Durations.parse(period);
        if (periodMillis < 50) {
            throw new IllegalArgumentException("--period must be at least 50ms, was " + period);
        }
        long tickMillis = liveTick.millis();
        AccessSettings access;
        try {
            access = accessOptions.resolve(host);
        } catch (InvalidSettingsException e) {
            System.err.println("twin demo: " + e.getMessage());
            return 2;
        }
        RuleSet ruleSet = rules.rules();
        Map<String, String> env = System.getenv();
        Receivers notify = receivers.receivers(env);
        InstantSource clock = InstantSource.system();
        Topology topo = topology.topology();
        SensorLayout layout = new SensorLayout(topo);
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        String stateProblem = RunSettings.checkStateDir(stateDir);
        if (stateProblem != null) {
            throw new IllegalArgumentException("--state-dir '" + stateDir + "' " + stateProblem);
        }
        AlertState alertState = AlertState.open(new AlertState.Settings(stateDir, Optional.empty(), ""), topo, clock);
        List<AlertSink> sinks = new ArrayList<>(List.of(alertState.historySink()));
        AlertBoard alerts = detect(twin, ruleSet, sinks);
        Scenario faults = scenario == null ? Scenario.healthy() : new ScenarioReader().read(scenario).scenario();
        long start = clock.millis() / periodMillis * periodMillis;
        Simulator simulator = new Simulator(layout, new SimulationSettings(seed, start, periodMillis), faults);
        SnapshotBoard board = new SnapshotBoard();
        RecentHistory history = RecentHistory.withDefaults(layout.sensorCount());

        Vertx vertx = Vertx.vertx();
        LiveFeed feed = new LiveFeed(LiveSources.live(board, () -> alerts.view().events()), new LiveView(layout),
                tickMillis);
        Notifier notifier = null;
        try (alertState; SimulatedSupernode sim = new SimulatedSupernode(simulator, twin, board, history, clock,
                periodMillis, e -> LOG.error("simulation tick failed", e))) {
            ApiSources api = new ApiSources(layout, board, alerts, ruleSet, new MemoryHistorySource(history),
                    Optional.of(sim::injectNow), clock, alertState.acks(), alertState.silences(),
                    alertState.historySource());
            DashboardServer.Views views = new DashboardServer.Views(TopologyView.of(topo, ruleSet), feed, api,
                    Optional.empty(), access.control());
            int bound = Serving.deploy(vertx, host, port, views, new DemoProbes(board, clock, topo.supernode()));
            // Deep links need the bound port; the simulation (and so every alert) starts after this.
            notifier = Notifier.start(notify, Notifier.servedAddress(host, bound),
                    SendContext.system(alertState.silences()));
            sinks.add(notifier);
            sim.start();
            System.out.printf("supernode %s: %,d devices, %,d sensors, %,d links, simulated every %d ms%n",
                    topo.supernode(), topo.deviceCount(), layout.sensorCount(), topo.links().size(), periodMillis);
            System.out.printf("detection: %s; alert events to the log and /api/alerts; %s%n", rules.describe(ruleSet),
                    ReceiversFile.describe(receivers.file(env), notify));
            System.out.println(alertState.describe());
            Serving.untilStopped(host, bound, views);
        } finally {
            if (notifier != null) {
                notifier.close();
            }
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        return 0;
    }

    /**
     * Detection on the demo's twin; its alert events go to the log, to the board the server reads and
     * to whatever is in {@code sinks} by the time the simulation starts.
     */
    private static AlertBoard detect(Twin twin, RuleSet ruleSet, List<AlertSink> sinks) {
        AlertBoard alerts = new AlertBoard();
        AlertLog log = new AlertLog();
        twin.addListener(new DetectionEngine(twin.state(), ruleSet, DetectionSettings.defaults(), e -> {
            log.onAlert(e);
            alerts.onAlert(e);
            sinks.forEach(sink -> sink.onAlert(e));
        }));
        return alerts;
    }
}
