package dev.supernodetwin.app;

import dev.supernodetwin.app.config.InvalidSettingsException;
import dev.supernodetwin.app.config.RunSettings;
import dev.supernodetwin.app.config.SettingKey;
import dev.supernodetwin.app.config.SettingSources;
import dev.supernodetwin.app.run.TwinService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code twin run}: the twin as a service, fed by Kafka. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the twin as a service: consumes telemetry frames from Kafka, keeps the live state of",
                "the supernodes whose partitions it is assigned (instances in one consumer group share the fleet),",
                "writes rejected records to a dead-letter topic, publishes per-supernode summaries for the fleet",
                "view and serves the live page,",
                "/metrics, /ready and /alive. Detects on the frames it applies and reports alert events to the",
                "log, /metrics, /api/alerts, --alerts-out and --receivers. Each setting comes from its flag, else its",
                "environment variable, else the --config file (Java properties, keys as below), else its default."},
        footer = {"", "Keys and environment variables:",
                "  kafka.bootstrap TWIN_KAFKA_BOOTSTRAP, kafka.topic TWIN_KAFKA_TOPIC, kafka.group TWIN_KAFKA_GROUP,",
                "  kafka.dead-letter-topic TWIN_KAFKA_DEAD_LETTER_TOPIC, topology TWIN_TOPOLOGY, preset TWIN_PRESET,",
                "  supernode TWIN_SUPERNODE, topology.dir TWIN_TOPOLOGY_DIR, instance TWIN_INSTANCE,",
                "  advertise.url TWIN_ADVERTISE_URL, fleet.topic TWIN_FLEET_TOPIC, http.host TWIN_HTTP_HOST, http.port TWIN_HTTP_PORT,",
                "  rebuild.window TWIN_REBUILD_WINDOW, commit.interval TWIN_COMMIT_INTERVAL,",
                "  influx.url TWIN_INFLUX_URL, influx.database TWIN_INFLUX_DATABASE, rules TWIN_RULES,",
                "  alerts.out TWIN_ALERTS_OUT, receivers TWIN_RECEIVERS, live.tick TWIN_LIVE_TICK, state.dir TWIN_STATE_DIR,",
                "  users TWIN_USERS, tls.cert TWIN_TLS_CERT, tls.key TWIN_TLS_KEY"})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings.")
    Path config;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (default 127.0.0.1:9092).")
    String bootstrap;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Telemetry topic (default supernode-telemetry).")
    String topic;

    @Option(names = "--group", paramLabel = "GROUP", description = "Consumer group (default supernode-twin).")
    String group;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC", description = "Topic for rejected records (default TOPIC.dead-letters).")
    String deadLetterTopic;

    @Option(names = "--topology", paramLabel = "FILE", description = "Topology document of the supernode.")
    String topology;

    @Option(names = "--preset", paramLabel = "NAME", description = "Built-in supernode instead of a topology file.")
    String preset;

    @Option(names = "--supernode", paramLabel = "ID[,ID...]|*",
            description = "Supernodes to model: an id (default sn01), a comma list, or * for every one that arrives.")
    String supernode;

    @Option(names = "--topology-dir", paramLabel = "DIR", description = "Folder of topology documents, one per supernode.")
    String topologyDir;

    @Option(names = "--instance", paramLabel = "NAME", description = "This instance's name in the fleet view (default: host name).")
    String instance;

    @Option(names = "--advertise-url", paramLabel = "URL",
            description = "Dashboard address other instances link to (default http://HTTP_HOST:PORT/).")
    String advertiseUrl;

    @Option(names = "--fleet-topic", paramLabel = "TOPIC", description = "Compacted topic of supernode summaries (default TOPIC.fleet).")
    String fleetTopic;

    @Option(names = "--http-host", paramLabel = "ADDR", description = "Address of the HTTP endpoints (default 127.0.0.1).")
    String httpHost;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the HTTP endpoints (default 8080).")
    String httpPort;

    @Option(names = "--rebuild-window", paramLabel = "D", description = "Recent telemetry re-read after a restart (default 10m).")
    String rebuildWindow;

    @Option(names = "--commit-interval", paramLabel = "D", description = "How often offsets are committed (default 1s).")
    String commitInterval;

    @Option(names = "--influx-url", paramLabel = "URL", description = "InfluxDB for history, http://host:port (off when unset).")
    String influxUrl;

    @Option(names = "--influx-database", paramLabel = "DB", description = "InfluxDB database (default supernode_twin).")
    String influxDatabase;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Detection rules over the built-in ones (YAML or JSON; see rules/default-rules.yaml).")
    String rules;

    @Option(names = "--alerts-out", paramLabel = "FILE",
            description = "Also write alert events here (NDJSON, truncated at start-up; off when unset).")
    String alertsOut;

    @Option(names = "--receivers", paramLabel = "FILE",
            description = "Send alerts to Alertmanager and webhooks as this file says (YAML or JSON; see docs/alerting.md).")
    String receivers;

    @Option(names = "--live-tick", paramLabel = "D", description = "How often the live stream updates pages (default 250ms, at least 50ms).")
    String liveTick;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Folder for silences, acknowledgements and alert history without InfluxDB (default ./twin-state).")
    String stateDir;

    @Option(names = "--users", paramLabel = "FILE",
            description = "Users and tokens who may use the dashboard (YAML); without it, open on 127.0.0.1 only.")
    String users;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Serve HTTPS with this PEM certificate; needs --tls-key.")
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key of --tls-cert.")
    String tlsKey;

    @Override
    public Integer call() throws Exception {
        RunSettings settings;
        try {
            settings = RunSettings.resolve(SettingSources.of(flags(), System.getenv(), Optional.ofNullable(config)));
        } catch (InvalidSettingsException | IllegalArgumentException e) {
            System.err.println("twin run: " + e.getMessage());
            return 2;
        }
        TwinService service;
        try {
            service = TwinService.start(settings);
        } catch (java.io.IOException | IllegalArgumentException e) {
            // A topology that cannot be read or is invalid: every problem is in the message.
            System.err.println("twin run: " + e.getMessage());
            return 2;
        }
        try (service) {
            return service.awaitStop();
        }
    }

    private Map<String, String> flags() {
        Map<String, String> f = new HashMap<>();
        put(f, RunSettings.BOOTSTRAP, bootstrap);
        put(f, RunSettings.TOPIC, topic);
        put(f, RunSettings.GROUP, group);
        put(f, RunSettings.DEAD_LETTERS, deadLetterTopic);
        put(f, RunSettings.TOPOLOGY, topology);
        put(f, RunSettings.PRESET, preset);
        put(f, RunSettings.SUPERNODE, supernode);
        put(f, RunSettings.TOPOLOGY_DIR, topologyDir);
        put(f, RunSettings.INSTANCE, instance);
        put(f, RunSettings.ADVERTISE_URL, advertiseUrl);
        put(f, RunSettings.FLEET_TOPIC, fleetTopic);
        put(f, RunSettings.HTTP_HOST, httpHost);
        put(f, RunSettings.HTTP_PORT, httpPort);
        put(f, RunSettings.REBUILD, rebuildWindow);
        put(f, RunSettings.COMMIT, commitInterval);
        put(f, RunSettings.INFLUX_URL, influxUrl);
        put(f, RunSettings.INFLUX_DB, influxDatabase);
        put(f, RunSettings.RULES, rules);
        put(f, RunSettings.ALERTS_OUT, alertsOut);
        put(f, RunSettings.RECEIVERS, receivers);
        put(f, RunSettings.LIVE_TICK, liveTick);
        put(f, RunSettings.STATE_DIR, stateDir);
        put(f, RunSettings.USERS, users);
        put(f, RunSettings.TLS_CERT, tlsCert);
        put(f, RunSettings.TLS_KEY, tlsKey);
        return f;
    }

    private static void put(Map<String, String> flags, SettingKey key, String value) {
        if (value != null) {
            flags.put(key.name(), value);
        }
    }
}
