package dev.supernodetwin.app.config;

import dev.supernodetwin.ingest.notify.InvalidReceiversException;
import dev.supernodetwin.ingest.notify.Receivers;
import dev.supernodetwin.ingest.notify.ReceiversReader;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A receivers file as the commands take it ({@code --receivers}, {@code TWIN_RECEIVERS}): read with
 * {@link ReceiversReader}, {@code ${VAR}} from the environment, every problem reported, not just the first.
 */
public final class ReceiversFile {
    private ReceiversFile() {
    }

    /**
     * The receivers of {@code file}. Each problem goes to {@code problems}; when there is any, no
     * receivers are returned and the result must not be used.
     */
    public static Receivers read(Path file, Map<String, String> env, Consumer<String> problems) {
        try {
            return new ReceiversReader(env).read(file);
        } catch (InvalidReceiversException e) {
            e.problems().forEach(problems);
        } catch (UncheckedIOException e) {
            problems.accept("cannot be read: " + e.getCause().getMessage());
        }
        return Receivers.none();
    }

    /** Where notifications go, for a start-up line: {@code notifications to am, pager-bridge (from FILE)}. */
    public static String describe(Optional<Path> file, Receivers receivers) {
        if (receivers.receivers().isEmpty()) {
            return "notifications: none" + file.map(f -> " (" + f + " lists no receivers)").orElse(
                    " (set --receivers FILE)");
        }
        return "notifications to " + String.join(", ", receivers.receivers().stream().map(r -> r.name()).toList())
                + file.map(f -> " (from " + f + ")").orElse("");
    }
}
