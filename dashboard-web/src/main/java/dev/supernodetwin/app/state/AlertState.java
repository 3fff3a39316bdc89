package dev.supernodetwin.app.state;

import dev.supernodetwin.app.runtime.Daemons;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.dashboard.api.AckBoard;
import dev.supernodetwin.dashboard.api.AlertHistorySource;
import dev.supernodetwin.dashboard.api.SilenceBoard;
import dev.supernodetwin.dashboard.api.SilenceBoard.StoredSilence;
import dev.supernodetwin.ingest.alerthistory.AlertHistoryEntry;
import dev.supernodetwin.ingest.alerthistory.AlertHistoryStore;
import dev.supernodetwin.ingest.alerthistory.AlertHistoryWriter;
import dev.supernodetwin.ingest.alerthistory.InfluxAlertHistory;
import dev.supernodetwin.ingest.alerthistory.NdjsonAlertHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The alert state an SRE changes and the record of it: silences and acknowledgements (kept in the state
 * directory across restarts) and alert history (InfluxDB or NDJSON files). Saving happens on a thread of
 * its own and history on the history writer's, so neither the HTTP edge nor the twin's writer waits.
 */
public final class AlertState implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertState.class);

    private final StateFile file;
    private final SilenceBoard silences;
    private final AckBoard acks;
    private final AlertHistoryWriter history;
    private final ExecutorService saver;
    private final InstantSource clock;
    /** Told of every change, after the file: where a supernode's state also goes so its next owner has it. */
    private volatile Consumer<StateFile.State> shared = s -> { };
    /** When the state in force was last changed (here or by an earlier owner). */
    private volatile long savedAt;

    private AlertState(StateFile file, SilenceBoard silences, AckBoard acks, AlertHistoryWriter history,
                       InstantSource clock) {
        this.clock = clock;
        this.file = file;
        this.silences = silences;
        this.acks = acks;
        this.history = history;
        this.saver = Daemons.scheduler("alert-state-saver");
    }

    /**
     * Where alert state lives.
     *
     * @param stateDir   the state directory
     * @param influxUrl  InfluxDB for alert history; NDJSON in the state directory when empty
     * @param influxDb   the InfluxDB database
     */
    public record Settings(Path stateDir, Optional<String> influxUrl, String influxDb) {
    }

    /** Loads what the state directory holds (reporting, never failing on, a bad file) and starts history. */
    public static AlertState open(Settings s, Topology topology, InstantSource clock) {
        return open(s, topology, clock, Optional.empty());
    }

    /**
     * As {@link #open(Settings, Topology, InstantSource)}, taking {@code elsewhere} instead of the file when it
     * is newer: the state an earlier owner of the supernode published.
     */
    public static AlertState open(Settings s, Topology topology, InstantSource clock,
                                  Optional<StateFile.State> elsewhere) {
        StateFile file = new StateFile(s.stateDir());
        StateFile.Loaded fromFile = file.load(clock.millis());
        fromFile.problem().ifPresent(p -> LOG.warn("alert state: {}", p));
        StateFile.Loaded loaded = elsewhere.filter(e -> e.savedAt() > fromFile.state().savedAt())
                .map(e -> new StateFile.Loaded(e, Optional.empty())).orElse(fromFile);
        SilenceBoard silences = new SilenceBoard(topology, clock);
        List<String> dropped = silences.restore(loaded.state().silences());
        if (!dropped.isEmpty()) {
            LOG.warn("alert state: silences of targets not in this topology dropped: {}", dropped);
        }
        AckBoard acks = new AckBoard();
        acks.restore(loaded.state().acks());
        AlertHistoryStore store = s.influxUrl().<AlertHistoryStore>map(u -> new InfluxAlertHistory(u, s.influxDb()))
                .orElseGet(() -> NdjsonAlertHistory.in(s.stateDir()));
        AlertState state = new AlertState(file, silences, acks, AlertHistoryWriter.start(store), clock);
        state.savedAt = loaded.state().savedAt();
        state.listen(topology.supernode());
        return state;
    }

    private void listen(String supernode) {
        silences.onChange(c -> {
            boolean created = c.type() == SilenceBoard.Change.Type.CREATED;
            history.record(AlertHistoryEntry.silence(c.at(), created, supernode, c.silence().id(),
                    c.silence().target().text(), c.silence().createdBy(), c.silence().comment()));
            save();
        });
        acks.onAck((ack, alert) -> {
            history.record(AlertHistoryEntry.ack(ack.at(), supernode, ack.id(), alert.rootCause().device(), ack.by()));
            save();
        });
    }

    private synchronized void save() {
        long now = Math.max(clock.millis(), savedAt + 1);
        savedAt = now;
        StateFile.State snapshot = new StateFile.State(silences.current().all().stream()
                .map(x -> new StoredSilence(x.id(), x.target().text(), x.startsAt(), x.endsAt(), x.createdBy(),
                        x.comment())).toList(), acks.all(), now);
        saver.execute(() -> {
            try {
                file.save(snapshot);
            } catch (IOException e) {
                LOG.warn("alert state: cannot save {}: {}", file.path(), e.getMessage());
            }
            shared.accept(snapshot);
        });
    }

    /** Also hands every change to {@code sink} (on the saver thread), e.g. to publish it for the next owner. */
    public void share(Consumer<StateFile.State> sink) {
        this.shared = sink;
    }

    /**
     * Takes a state changed elsewhere (an earlier owner's last change, arriving late) when it is newer than
     * the one in force; nothing is saved or recorded again.
     *
     * @return whether it was taken
     */
    public synchronized boolean adopt(StateFile.State newer) {
        if (newer.savedAt() <= savedAt) {
            return false;
        }
        savedAt = newer.savedAt();
        silences.restore(newer.silences());
        acks.restore(newer.acks());
        return true;
    }

    /** The silences, for the API and the notifier ({@link SilenceBoard#test}). */
    public SilenceBoard silences() {
        return silences;
    }

    /** The acknowledgements, for the API. */
    public AckBoard acks() {
        return acks;
    }

    /** Where alert events go to be kept; add it to the detection engine's sinks. */
    public AlertSink historySink() {
        return history;
    }

    /** Where {@code /api/alerts/history} reads. */
    public AlertHistorySource historySource() {
        return history.store()::query;
    }

    /** One line for the start-up banner. */
    public String describe() {
        return "alert state: silences and acks in " + file.path() + "; alert history to " + history.store().describe();
    }

    /** Entries of alert history dropped so far, for {@code /metrics}. */
    public long historyDropped() {
        return history.dropped();
    }

    /** Finishes pending saves and history, then closes the store. */
    @Override
    public void close() {
        saver.shutdown();
        try {
            saver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        history.close();
    }
}
