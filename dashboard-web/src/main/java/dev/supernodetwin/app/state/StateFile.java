package dev.supernodetwin.app.state;

import dev.supernodetwin.dashboard.api.AckBoard;
import dev.supernodetwin.dashboard.api.SilenceBoard.StoredSilence;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Silences and acknowledgements kept across restarts, in {@code STATE_DIR/alert-state.json}. Written
 * whole to a temporary file and renamed over the old one, so a crash leaves the old or the new file,
 * never half of one. A file that cannot be read is moved aside ({@code .corrupt-TIMESTAMP}) and reported,
 * and the twin starts with nothing rather than not at all.
 */
public final class StateFile {
    /** The file name in the state directory. */
    public static final String FILE = "alert-state.json";

    private final Path dir;

    /**
     * What the file holds.
     *
     * @param savedAt when it was last changed (wall clock, epoch ms; 0 when unknown): of two copies of a
     *                supernode's state (the file, the fleet topic) the later one wins
     */
    public record State(List<StoredSilence> silences, List<AckBoard.Ack> acks, long savedAt) {
        /** Copies the lists. */
        public State {
            silences = List.copyOf(silences);
            acks = List.copyOf(acks);
        }

        /** A state of unknown age. */
        public State(List<StoredSilence> silences, List<AckBoard.Ack> acks) {
            this(silences, acks, 0);
        }
    }

    /** What loading found: the state, and a problem to report when the file was set aside. */
    public record Loaded(State state, java.util.Optional<String> problem) {
    }

    /** @param dir the state directory; created on the first save */
    public StateFile(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** The file. */
    public Path path() {
        return dir.resolve(FILE);
    }

    /** Reads the file; a missing file is an empty state, an unreadable one is moved aside. */
    public Loaded load(long nowMillis) {
        String text;
        try {
            text = Files.readString(path(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(new State(List.of(), List.of()), java.util.Optional.empty());
        } catch (IOException e) {
            return new Loaded(new State(List.of(), List.of()), java.util.Optional.of("cannot read " + path() + ": "
                    + e.getMessage()));
        }
        try {
            return new Loaded(parse(new JsonObject(text)), java.util.Optional.empty());
        } catch (DecodeException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            Path aside = dir.resolve(FILE + ".corrupt-" + nowMillis);
            String moved;
            try {
                Files.move(path(), aside, StandardCopyOption.REPLACE_EXISTING);
                moved = "moved to " + aside;
            } catch (IOException io) {
                moved = "could not be moved aside: " + io.getMessage();
            }
            return new Loaded(new State(List.of(), List.of()), java.util.Optional.of(path()
                    + " is not a state file (" + e.getMessage() + "); " + moved + "; starting without silences and acks"));
        }
    }

    /** Writes {@code state} atomically. */
    public void save(State state) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, FILE, ".tmp");
        try {
            Files.writeString(tmp, render(state).encodePrettily(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path(), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The state as the file (and the fleet topic) carries it. */
    public static JsonObject render(State state) {
        JsonArray silences = new JsonArray();
        for (StoredSilence s : state.silences()) {
            silences.add(new JsonObject().put("id", s.id()).put("target", s.target()).put("startsAt", s.startsAt())
                    .put("endsAt", s.endsAt()).put("createdBy", s.createdBy()).put("comment", s.comment()));
        }
        JsonArray acks = new JsonArray();
        for (AckBoard.Ack a : state.acks()) {
            acks.add(new JsonObject().put("id", a.id()).put("by", a.by()).put("at", a.at()));
        }
        return new JsonObject().put("version", 1).put("savedAt", state.savedAt()).put("silences", silences)
                .put("acks", acks);
    }

    /**
     * Reads what {@link #render} wrote.
     *
     * @throws ClassCastException, NullPointerException or IllegalArgumentException when it is not a state
     */
    public static State parse(JsonObject o) {
        List<StoredSilence> silences = new ArrayList<>();
        for (Object v : o.getJsonArray("silences", new JsonArray())) {
            JsonObject s = (JsonObject) v;
            silences.add(new StoredSilence(required(s, "id"), required(s, "target"), s.getLong("startsAt"),
                    s.getLong("endsAt"), required(s, "createdBy"), s.getString("comment", "")));
        }
        List<AckBoard.Ack> acks = new ArrayList<>();
        for (Object v : o.getJsonArray("acks", new JsonArray())) {
            JsonObject a = (JsonObject) v;
            acks.add(new AckBoard.Ack(required(a, "id"), required(a, "by"), a.getLong("at")));
        }
        return new State(silences, acks, o.getLong("savedAt", 0L));
    }

    private static String required(JsonObject o, String field) {
        String v = o.getString(field);
        if (v == null) {
            throw new IllegalArgumentException("an entry lacks '" + field + "'");
        }
        return v;
    }
}
