package dev.supernodetwin.app.config;

import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.sim.Durations;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.notify.Receivers;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything {@code twin run} needs, validated once at start-up. Built from flags, environment and
 * an optional properties file ({@link SettingSources}); a bad value stops start-up with a message
 * naming the key, the value and where it came from, for every bad key at once.
 *
 * @param kafkaBootstrap  Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param topic           topic the telemetry frames arrive on
 * @param group           consumer group
 * @param deadLetterTopic topic rejected records go to
 * @param topologyFile    topology document, when not a preset
 * @param preset          built-in topology, when not a file
 * @param supernode       which supernodes this instance models: an id, a comma list, or {@code *} for any
 * @param topologyDir     folder of topology documents, one per supernode, when neither a file nor a preset
 * @param fleet           how this instance shows itself in the fleet view
 * @param httpHost        address the HTTP endpoints bind
 * @param httpPort        port of the HTTP endpoints (0 picks a free one)
 * @param rebuildWindowMs how far back state is rebuilt from the topic after a restart
 * @param commitEveryMs   how often consumed offsets are committed
 * @param influxUrl       InfluxDB for history; history is off when empty
 * @param influxDatabase  InfluxDB database
 * @param detection       the detection rules and where alert events go
 * @param liveTickMs      how often the live stream updates pages
 * @param stateDir        where silences, acknowledgements and (without InfluxDB) alert history are kept
 * @param access          who may use the dashboard, and TLS
 */
public record RunSettings(String kafkaBootstrap, String topic, String group, String deadLetterTopic,
                          Optional<Path> topologyFile, Optional<String> preset, String supernode,
                          Optional<Path> topologyDir, Fleet fleet, String httpHost,
                          int httpPort, long rebuildWindowMs, long commitEveryMs, Optional<String> influxUrl,
                          String influxDatabase, Detection detection, long liveTickMs, Path stateDir,
                          AccessSettings access) {

    /**
     * How the service detects and where its alert events go, beside the log, {@code /metrics} and the
     * HTTP edge.
     *
     * @param rulesFile the rules file read over the defaults; empty for the built-in rules
     * @param rules     the rules in use: {@link RuleSet#defaults()} with the file applied
     * @param alertsOut NDJSON file for alert events (wire format §3); none when empty
     * @param receiversFile the receivers file; empty when nobody is notified
     * @param receivers     where notifications go (docs/alerting.md); none without a file
     */
    public record Detection(Optional<Path> rulesFile, RuleSet rules, Optional<Path> alertsOut,
                            Optional<Path> receiversFile, Receivers receivers) {
        /** One line for the start-up banner: which rules, how many, and where alert events go. */
        public String describe() {
            return "detection: " + RulesFile.describe(rulesFile, rules) + "; alert events to the log, /metrics, "
                    + "/api/alerts" + alertsOut.map(f -> " and " + f).orElse("")
                    + receiversFile.map(f -> "; " + ReceiversFile.describe(receiversFile, receivers)).orElse("");
        }
    }

    /**
     * This instance in the fleet view.
     *
     * @param instance     its name (the host name unless set)
     * @param advertiseUrl the dashboard address other instances link to; empty: {@code http(s)://HOST:PORT/}
     * @param topic        the compacted topic of per-supernode summaries
     */
    public record Fleet(String instance, Optional<String> advertiseUrl, String topic) {
    }

    public static final SettingKey BOOTSTRAP = SettingKey.of("kafka.bootstrap", "--bootstrap", "TWIN_KAFKA_BOOTSTRAP",
            "127.0.0.1:9092", "Kafka bootstrap servers, host:port[,host:port...]");
    public static final SettingKey TOPIC = SettingKey.of("kafka.topic", "--topic", "TWIN_KAFKA_TOPIC", "supernode-telemetry",
            "topic the telemetry frames arrive on (records keyed by supernode id)");
    public static final SettingKey GROUP = SettingKey.of("kafka.group", "--group", "TWIN_KAFKA_GROUP", "supernode-twin",
            "consumer group of the twin instances");
    public static final SettingKey DEAD_LETTERS = SettingKey.without("kafka.dead-letter-topic", "--dead-letter-topic",
            "TWIN_KAFKA_DEAD_LETTER_TOPIC", "topic for rejected records (default: TOPIC.dead-letters)");
    public static final SettingKey TOPOLOGY = SettingKey.without("topology", "--topology", "TWIN_TOPOLOGY",
            "topology document (JSON or YAML) of the supernode");
    public static final SettingKey PRESET = SettingKey.without("preset", "--preset", "TWIN_PRESET",
            "built-in supernode instead of a topology file: " + String.join(", ", Presets.names()));
    public static final SettingKey SUPERNODE = SettingKey.of("supernode", "--supernode", "TWIN_SUPERNODE", "sn01",
            "supernodes to model: an id, a comma list, or * for every one whose records arrive");
    public static final SettingKey TOPOLOGY_DIR = SettingKey.without("topology.dir", "--topology-dir", "TWIN_TOPOLOGY_DIR",
            "folder of topology documents (JSON or YAML), one per supernode");
    public static final SettingKey INSTANCE = SettingKey.without("instance", "--instance", "TWIN_INSTANCE",
            "this instance's name in the fleet view (default: the host name)");
    public static final SettingKey ADVERTISE_URL = SettingKey.without("advertise.url", "--advertise-url",
            "TWIN_ADVERTISE_URL", "the dashboard address other instances link to (default: http(s)://HOST:PORT/)");
    public static final SettingKey FLEET_TOPIC = SettingKey.without("fleet.topic", "--fleet-topic", "TWIN_FLEET_TOPIC",
            "compacted topic of per-supernode summaries for the fleet view (default: TOPIC.fleet)");
    public static final SettingKey HTTP_HOST = SettingKey.of("http.host", "--http-host", "TWIN_HTTP_HOST", "127.0.0.1",
            "address of the page, /metrics, /ready and /alive");
    public static final SettingKey HTTP_PORT = SettingKey.of("http.port", "--http-port", "TWIN_HTTP_PORT", "8080",
            "port of the page, /metrics, /ready and /alive");
    public static final SettingKey REBUILD = SettingKey.of("rebuild.window", "--rebuild-window", "TWIN_REBUILD_WINDOW", "10m",
            "how much recent telemetry is re-read to rebuild state after a restart");
    public static final SettingKey COMMIT = SettingKey.of("commit.interval", "--commit-interval", "TWIN_COMMIT_INTERVAL", "1s",
            "how often applied offsets are committed");
    public static final SettingKey INFLUX_URL = SettingKey.without("influx.url", "--influx-url", "TWIN_INFLUX_URL",
            "InfluxDB 1.x for history, http://host:port (history is off when unset)");
    public static final SettingKey INFLUX_DB = SettingKey.of("influx.database", "--influx-database", "TWIN_INFLUX_DATABASE",
            "supernode_twin", "InfluxDB database for history");
    public static final SettingKey RULES = SettingKey.without("rules", "--rules", "TWIN_RULES",
            "detection rules file (YAML or JSON) applied over the built-in rules; see rules/default-rules.yaml");
    public static final SettingKey ALERTS_OUT = SettingKey.without("alerts.out", "--alerts-out", "TWIN_ALERTS_OUT",
            "file alert events are written to, NDJSON, created or truncated at start-up (off when unset)");

    public static final SettingKey RECEIVERS = SettingKey.without("receivers", "--receivers", "TWIN_RECEIVERS",
            "receivers file (YAML or JSON): alert notifications to Alertmanager and webhooks (off when unset)");

    public static final SettingKey LIVE_TICK = SettingKey.of("live.tick", "--live-tick", "TWIN_LIVE_TICK", "250ms",
            "how often the live stream updates pages (at least 50ms)");
    public static final SettingKey STATE_DIR = SettingKey.of("state.dir", "--state-dir", "TWIN_STATE_DIR", "./twin-state",
            "folder for silences, acknowledgements and (without InfluxDB) alert history; created when missing");

    public static final SettingKey USERS = SettingKey.without("users", "--users", "TWIN_USERS",
            "users and tokens who may use the dashboard (YAML); without it, open to anyone but only on 127.0.0.1");
    public static final SettingKey TLS_CERT = SettingKey.without("tls.cert", "--tls-cert", "TWIN_TLS_CERT",
            "serve HTTPS with this PEM certificate (chain); needs tls.key");
    public static final SettingKey TLS_KEY = SettingKey.without("tls.key", "--tls-key", "TWIN_TLS_KEY",
            "PEM private key of tls.cert");

    /** Every key, for help text. */
    public static final List<SettingKey> KEYS = List.of(BOOTSTRAP, TOPIC, GROUP, DEAD_LETTERS, TOPOLOGY, PRESET,
            SUPERNODE, TOPOLOGY_DIR, INSTANCE, ADVERTISE_URL, FLEET_TOPIC, HTTP_HOST, HTTP_PORT, REBUILD, COMMIT, INFLUX_URL, INFLUX_DB, RULES, ALERTS_OUT, RECEIVERS,
            LIVE_TICK, STATE_DIR, USERS, TLS_CERT, TLS_KEY);

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}");
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._\\-]{1,249}");

    /**
     * Reads and validates every setting.
     *
     * @throws InvalidSettingsException listing every bad setting
     */
    public static RunSettings resolve(SettingSources sources) {
        Reader r = new Reader(sources);
        String bootstrap = r.require(BOOTSTRAP, v -> List.of(v.split(",")).stream().allMatch(
                s -> HOST_PORT.matcher(s.trim()).matches()) ? null : "expected host:port[,host:port...]");
        String topic = r.require(TOPIC, RunSettings::checkTopic);
        String group = r.require(GROUP, v -> v.isBlank() ? "must not be blank" : null);
        String deadLetters = r.optional(DEAD_LETTERS, RunSettings::checkTopic).orElse(topic + ".dead-letters");
        if (deadLetters.equals(topic)) {
            r.problems.add("kafka.dead-letter-topic: must differ from kafka.topic '" + topic + "'");
        }
        Optional<Path> topology = r.optional(TOPOLOGY, v -> Files.isReadable(Path.of(v)) ? null
                : "no readable file at '" + v + "'").map(Path::of);
        Optional<String> preset = r.optional(PRESET, v -> Presets.spec(v).isPresent() ? null
                : "unknown preset; choose one of " + String.join(", ", Presets.names()));
        Optional<Path> topologyDir = r.optional(TOPOLOGY_DIR, v -> Files.isDirectory(Path.of(v)) ? null
                : "no folder at '" + v + "'").map(Path::of);
        int given = (topology.isPresent() ? 1 : 0) + (preset.isPresent() ? 1 : 0) + (topologyDir.isPresent() ? 1 : 0);
        if (given != 1 && !r.failed(TOPOLOGY) && !r.failed(PRESET) && !r.failed(TOPOLOGY_DIR)) {
            r.problems.add("topology: give exactly one of --topology FILE, --topology-dir DIR or --preset NAME");
        }
        String supernode = r.require(SUPERNODE, RunSettings::checkSupernodes);
        String fleetTopic = r.optional(FLEET_TOPIC, RunSettings::checkTopic).orElse(topic + ".fleet");
        if (fleetTopic.equals(topic) || fleetTopic.equals(deadLetters)) {
            r.problems.add("fleet.topic: must differ from kafka.topic and kafka.dead-letter-topic");
        }
        String instance = r.optional(INSTANCE, v -> v.isBlank() || v.length() > 128 ? "must be 1 to 128 characters"
                : null).orElseGet(RunSettings::hostName);
        Optional<String> advertise = r.optional(ADVERTISE_URL, v -> v.matches("https?://[^\\s]+") ? null
                : "expected http://host:port/ or https://host:port/");
        String host = r.require(HTTP_HOST, v -> v.isBlank() ? "must not be blank" : null);
        int port = r.require(HTTP_PORT, Integer::parseInt, p -> p < 0 || p > 65_535 ? "must be a port 0..65535" : null, 8080);
        long rebuild = r.require(REBUILD, Durations::parse, d -> d < 0 ? "must not be negative" : null, 0L);
        long commit = r.require(COMMIT, Durations::parse, d -> d < 10 ? "must be at least 10ms" : null, 1_000L);
        Optional<String> influx = r.optional(INFLUX_URL, v -> v.matches("https?://[^/\\s]+/?") ? null
                : "expected http://host:port");
        String database = r.require(INFLUX_DB, v -> v.isBlank() ? "must not be blank" : null);
        Optional<Path> rulesFile = r.optional(RULES, RunSettings::checkReadable).map(Path::of);
        RuleSet rules = rulesFile.map(f -> readRules(f, r)).orElseGet(RuleSet::defaults);
        Optional<Path> alertsOut = r.optional(ALERTS_OUT, RunSettings::checkWritable).map(Path::of);
        Optional<Path> receiversFile = r.optional(RECEIVERS, RunSettings::checkReadable).map(Path::of);
        Receivers receivers = receiversFile.map(f -> readReceivers(f, r)).orElseGet(Receivers::none);
        long liveTick = r.require(LIVE_TICK, Durations::parse, d -> d < 50 ? "must be at least 50ms" : null, 250L);
        Path stateDir = r.require(STATE_DIR, Path::of, RunSettings::checkStateDir, Path.of("twin-state"));
        AccessSettings access = access(r, host);
        if (!r.problems.isEmpty()) {
            throw new InvalidSettingsException(r.problems);
        }
        return new RunSettings(bootstrap, topic, group, deadLetters, topology, preset, supernode, topologyDir,
                new Fleet(instance, advertise, fleetTopic), host, port, rebuild,
                commit, influx, database, new Detection(rulesFile, rules, alertsOut, receiversFile, receivers),
                liveTick, stateDir, access);
    }

    /** The users file and TLS files, checked with the address; their problems join the others. */
    private static AccessSettings access(Reader r, String host) {
        Optional<Path> users = r.optional(USERS, RunSettings::checkReadable).map(Path::of);
        Optional<Path> cert = r.optional(TLS_CERT, RunSettings::checkReadable).map(Path::of);
        Optional<Path> key = r.optional(TLS_KEY, RunSettings::checkReadable).map(Path::of);
        if (r.failed(USERS) || r.failed(TLS_CERT) || r.failed(TLS_KEY) || r.failed(HTTP_HOST)) {
            return new AccessSettings(Optional.empty(), Optional.empty());
        }
        try {
            return AccessSettings.resolve(users, cert, key, host);
        } catch (InvalidSettingsException e) {
            r.problems.addAll(e.problems());
            return new AccessSettings(Optional.empty(), Optional.empty());
        }
    }

    /** The rules file over the defaults; every problem in it is a problem of the key, listed on its own. */
    private static RuleSet readRules(Path file, Reader r) {
        String from = "'" + file + "' (from " + r.sources.get(RULES).map(SettingSources.Value::source).orElse("default")
                + ") ";
        return RulesFile.read(file, p -> r.fail(RULES, from + p));
    }

    /** The receivers file; every problem in it is a problem of the key, listed on its own. */
    private static Receivers readReceivers(Path file, Reader r) {
        String from = "'" + file + "' (from " + r.sources.get(RECEIVERS).map(SettingSources.Value::source)
                .orElse("default") + ") ";
        return ReceiversFile.read(file, r.sources.environment(), p -> r.fail(RECEIVERS, from + p));
    }

    private static String checkReadable(String v) {
        try {
            Path p = Path.of(v);
            return Files.isRegularFile(p) && Files.isReadable(p) ? null : "no readable file at '" + v + "'";
        } catch (InvalidPathException e) {
            return "is not a path: " + e.getMessage();
        }
    }

    private static String checkWritable(String v) {
        try {
            Path p = Path.of(v).toAbsolutePath();
            if (Files.isDirectory(p)) {
                return "is a folder; expected a file to write";
            }
            Path folder = p.getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                return "cannot be written: there is no folder " + folder;
            }
            return (Files.exists(p) ? Files.isWritable(p) : Files.isWritable(folder)) ? null
                    : "cannot be written: permission denied";
        } catch (InvalidPathException e) {
            return "is not a path: " + e.getMessage();
        }
    }

    /** A folder that exists and is writable, or that can be created (its nearest existing parent is writable). */
    public static String checkStateDir(Path dir) {
        Path p = dir.toAbsolutePath();
        if (Files.exists(p)) {
            return !Files.isDirectory(p) ? "is a file; expected a folder"
                    : Files.isWritable(p) ? null : "cannot be written: permission denied";
        }
        Path parent = p.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        return parent != null && Files.isDirectory(parent) && Files.isWritable(parent) ? null
                : "cannot be created under " + parent;
    }

    /** An id, a comma list of ids (no '/', no blanks), or '*'. */
    private static String checkSupernodes(String v) {
        if (v.trim().equals("*")) {
            return null;
        }
        for (String id : v.split(",", -1)) {
            if (id.isBlank() || id.contains("/") || id.contains("*")) {
                return "expected a supernode id (without '/'), a comma list of them, or * for any";
            }
        }
        return null;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "twin";
        }
    }

    private static String checkTopic(String v) {
        return TOPIC_NAME.matcher(v).matches() && !v.equals(".") && !v.equals("..") ? null
                : "a Kafka topic name uses letters, digits, '.', '_' and '-' (at most 249)";
    }

    /** Reads keys from the sources, collecting problems instead of stopping at the first. */
    private static final class Reader {
        final SettingSources sources;
        final List<String> problems = new ArrayList<>();
        final List<SettingKey> failedKeys = new ArrayList<>();

        Reader(SettingSources sources) {
            this.sources = sources;
        }

        boolean failed(SettingKey key) {
            return failedKeys.contains(key);
        }

        String require(SettingKey key, Function<String, String> check) {
            Optional<SettingSources.Value> v = sources.get(key);
            if (v.isEmpty()) {
                fail(key, "is required: " + key.doc() + " (flag " + key.flag() + " or " + key.env() + ")");
                return "";
            }
            return checked(key, v.get(), check) ? v.get().text() : "";
        }

        Optional<String> optional(SettingKey key, Function<String, String> check) {
            return sources.get(key).filter(v -> checked(key, v, check)).map(SettingSources.Value::text);
        }

        <T> T require(SettingKey key, Function<String, T> parse, Function<T, String> check, T fallback) {
            String text = require(key, v -> null);
            if (failed(key)) {
                return fallback;
            }
            String source = sources.get(key).map(SettingSources.Value::source).orElse("default");
            try {
                T value = parse.apply(text.trim());
                String problem = check.apply(value);
                if (problem != null) {
                    fail(key, "'" + text + "' (from " + source + ") " + problem);
                    return fallback;
                }
                return value;
            } catch (RuntimeException e) {
                fail(key, "'" + text + "' (from " + source + ") cannot be read: " + e.getMessage());
                return fallback;
            }
        }

        private boolean checked(SettingKey key, SettingSources.Value v, Function<String, String> check) {
            String problem = check.apply(v.text());
            if (problem != null) {
                fail(key, "'" + v.text() + "' (from " + v.source() + ") " + problem);
                return false;
            }
            return true;
        }

        private void fail(SettingKey key, String message) {
            failedKeys.add(key);
            problems.add(key.name() + ": " + message);
        }
    }
}
