package dev.supernodetwin.ingest.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.alert.AlertEvent.Kind;
import dev.supernodetwin.core.alert.AlertEvent.Severity;
import dev.supernodetwin.ingest.document.DocumentTrees;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a receivers file (YAML, or JSON of the same structure; {@code docs/alerting.md}
 * "Notifications"). {@code ${VAR}} in any text is taken from the environment given. Every problem in
 * the file is collected, each with its path ({@code receivers[1].webhook.url: ...}), before anything
 * is refused.
 *
 * <pre>
 * receivers:
 *   - name: am
 *     alertmanager: {url: http://127.0.0.1:9093, resend: 60s}
 *   - name: pager
 *     webhook: {url: https://hooks.example/twin, headers: {Authorization: "Bearer ${PAGER_TOKEN}"}}
 *     min_severity: alarm
 * </pre>
 */
public final class ReceiversReader {
    private static final Set<String> TOP_KEYS = Set.of("dashboard_url", "receivers");
    private static final Set<String> RECEIVER_KEYS = Set.of("name", "alertmanager", "webhook", "kinds", "categories",
            "min_severity");
    private static final Set<String> ALERTMANAGER_KEYS = Set.of("url", "resend", "timeout");
    private static final Set<String> WEBHOOK_KEYS = Set.of("url", "headers", "retries", "backoff", "timeout");
    private static final Set<String> BACKOFF_KEYS = Set.of("initial", "max");
    /** Names end up as a Prometheus label value and in logs: keep them plain. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    /** An HTTP header name (RFC 9110 token). */
    private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z\\-]+");
    /** Headers the sender sets itself. */
    private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "content-length", "host",
            "idempotency-key", "connection", "expect", "upgrade");

    static final Duration DEFAULT_RESEND = Duration.ofSeconds(60);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_RETRIES = 8;

    private final Map<String, String> env;

    /** A reader expanding {@code ${VAR}} from {@code env} (usually {@code System.getenv()}). */
    public ReceiversReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * Reads a file; {@code .yaml}/{@code .yml} as YAML, anything else as JSON.
     *
     * @throws InvalidReceiversException listing every problem
     * @throws UncheckedIOException      when the file cannot be read
     */
    public Receivers read(Path file) {
        return parse(DocumentTrees.readText(file, "receivers"), DocumentTrees.isYaml(file), file.toString());
    }

    /**
     * Parses receivers text.
     *
     * @param source what to call the text in messages, e.g. its file name
     * @throws InvalidReceiversException listing every problem
     */
    public Receivers parse(String text, boolean isYaml, String source) {
        JsonNode root;
        try {
            root = DocumentTrees.parse(text, isYaml);
        } catch (JsonProcessingException e) {
            throw new InvalidReceiversException(source, List.of("not valid " + DocumentTrees.formatName(isYaml) + ": "
                    + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidReceiversException(source, List.of("the document must be an object with 'receivers'"));
        }
        List<String> problems = new ArrayList<>();
        ReceiverFields top = new ReceiverFields(root, "", env, problems).only(TOP_KEYS);
        Optional<URI> dashboard = top.url("dashboard_url", false);
        List<Receiver> receivers = new ArrayList<>();
        JsonNode list = root.get("receivers");
        if (list == null || !list.isArray()) {
            problems.add("receivers: must be a list (write receivers: [] to notify nobody)");
        } else {
            Map<String, String> names = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                receiver(list.get(i), "receivers[" + i + "]", names, problems).ifPresent(receivers::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidReceiversException(source, problems);
        }
        return new Receivers(dashboard, receivers);
    }

    private Optional<Receiver> receiver(JsonNode node, String at, Map<String, String> names, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(at + ": must be an object with name and alertmanager or webhook");
            return Optional.empty();
        }
        int before = problems.size();
        ReceiverFields f = new ReceiverFields(node, at, env, problems).only(RECEIVER_KEYS);
        Optional<String> name = f.text("name", true);
        name.ifPresent(n -> {
            if (!NAME.matcher(n).matches()) {
                problems.add(f.path("name") + ": '" + n + "' must be letters, digits, '_', '.' or '-' (at most 64)");
            }
            String earlier = names.putIfAbsent(n, at);
            if (earlier != null) {
                problems.add(f.path("name") + ": '" + n + "' is already the name of " + earlier);
            }
        });
        Optional<Destination> destination = destination(node, f, problems);
        AlertFilter filter = filter(f, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Receiver(name.orElseThrow(), destination.orElseThrow(), filter));
    }

    private Optional<Destination> destination(JsonNode node, ReceiverFields f, List<String> problems) {
        boolean am = node.has("alertmanager");
        boolean hook = node.has("webhook");
        if (am == hook) {
            problems.add(f.at() + ": needs exactly one of alertmanager or webhook"
                    + (am ? ", has both" : ""));
            return Optional.empty();
        }
        String key = am ? "alertmanager" : "webhook";
        Optional<JsonNode> body = f.object(key);
        if (body.isEmpty()) {
            if (node.get(key).isNull()) {
                problems.add(f.path(key) + ": must be an object with url");
            }
            return Optional.empty();
        }
        ReceiverFields d = new ReceiverFields(body.get(), f.path(key), env, problems);
        return am ? alertmanager(d) : webhook(d, body.get(), problems);
    }

    private static Optional<Destination> alertmanager(ReceiverFields d) {
        d.only(ALERTMANAGER_KEYS);
        Optional<URI> url = d.url("url", true);
        Duration resend = d.duration("resend", DEFAULT_RESEND, Duration.ofSeconds(1), Duration.ofHours(1));
        Duration timeout = d.duration("timeout", DEFAULT_TIMEOUT, Duration.ofMillis(100), Duration.ofMinutes(1));
        return url.map(u -> new Destination.Alertmanager(u, resend, timeout));
    }

    private Optional<Destination> webhook(ReceiverFields d, JsonNode node, List<String> problems) {
        d.only(WEBHOOK_KEYS);
        Optional<URI> url = d.url("url", true);
        Map<String, String> headers = headers(d, problems);
        int retries = d.integer("retries", DEFAULT_RETRIES, 0, 100);
        Backoff backoff = backoff(d, problems);
        Duration timeout = d.duration("timeout", DEFAULT_TIMEOUT, Duration.ofMillis(100), Duration.ofMinutes(1));
        return url.map(u -> new Destination.Webhook(u, headers, retries, backoff, timeout));
    }

    private Map<String, String> headers(ReceiverFields d, List<String> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        d.object("headers").ifPresent(h -> h.fields().forEachRemaining(entry -> {
            String where = d.path("headers") + "." + entry.getKey();
            if (!HEADER.matcher(entry.getKey()).matches()) {
                problems.add(where + ": not a valid HTTP header name");
            } else if (RESERVED_HEADERS.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
                problems.add(where + ": is set by the twin itself");
            } else if (!entry.getValue().isTextual()) {
                problems.add(where + ": must be text, was " + entry.getValue());
            } else {
                d.expand(entry.getValue().asText(), where).ifPresent(v -> {
                    if (v.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                        problems.add(where + ": must not contain line breaks");
                    } else {
                        out.put(entry.getKey(), v);
                    }
                });
            }
        }));
        return out;
    }

    private Backoff backoff(ReceiverFields d, List<String> problems) {
        Backoff defaults = Backoff.defaults();
        Optional<JsonNode> node = d.object("backoff");
        if (node.isEmpty()) {
            return defaults;
        }
        ReceiverFields b = new ReceiverFields(node.get(), d.path("backoff"), env, problems).only(BACKOFF_KEYS);
        Duration initial = b.duration("initial", defaults.initial(), Duration.ofMillis(10), Duration.ofHours(1));
        Duration max = b.duration("max", defaults.max().compareTo(initial) < 0 ? initial : defaults.max(),
                Duration.ofMillis(10), Duration.ofHours(1));
        if (max.compareTo(initial) < 0) {
            problems.add(b.path("max") + ": must be at least initial (" + initial.toMillis() + "ms), was "
                    + max.toMillis() + "ms");
            return defaults;
        }
        return new Backoff(initial, max);
    }

    private static AlertFilter filter(ReceiverFields f, List<String> problems) {
        AlertFilter all = AlertFilter.all();
        Set<Kind> kinds = f.list("kinds").map(l -> names(l, Kind.class, f.path("kinds"), problems))
                .orElse(all.kinds());
        Set<Category> categories = f.list("categories").map(l -> names(l, Category.class, f.path("categories"),
                problems)).orElse(all.categories());
        Severity min = f.text("min_severity", false).map(s -> lookup(s, Severity.class, f.path("min_severity"),
                problems).orElse(Severity.WARNING)).orElse(Severity.WARNING);
        return new AlertFilter(kinds, categories, min);
    }

    private static <E extends Enum<E>> Set<E> names(List<String> items, Class<E> type, String at,
                                                    List<String> problems) {
        Set<E> out = EnumSet.noneOf(type);
        for (int i = 0; i < items.size(); i++) {
            lookup(items.get(i), type, at + "[" + i + "]", problems).ifPresent(out::add);
        }
        return out;
    }

    private static <E extends Enum<E>> Optional<E> lookup(String name, Class<E> type, String at,
                                                          List<String> problems) {
        Function<E, String> wire = e -> e.name().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (wire.apply(e).equals(name)) {
                return Optional.of(e);
            }
        }
        problems.add(at + ": unknown '" + name + "'; expected one of "
                + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(wire).toList()));
        return Optional.empty();
    }
}
