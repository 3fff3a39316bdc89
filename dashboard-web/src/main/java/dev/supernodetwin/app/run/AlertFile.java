package dev.supernodetwin.app.run;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.ingest.alerts.AlertEventWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The service's {@code --alerts-out} file. Each event is flushed as it is written, so that a reader
 * tailing the file sees it at once; events are rare next to frames, so the flush costs nothing that
 * matters. A failed write is logged and counted but does not stop ingest: the twin's state and the other
 * alert outputs (log, metrics, HTTP) matter more than one file.
 */
final class AlertFile implements AlertSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertFile.class);

    private final AlertEventWriter writer;
    private final Path path;
    private volatile long failures;

    private AlertFile(AlertEventWriter writer, Path path) {
        this.writer = writer;
        this.path = path;
    }

    /** Creates (or truncates) the file. */
    static AlertFile create(Path path) throws IOException {
        return new AlertFile(AlertEventWriter.create(path), path);
    }

    @Override
    public void onAlert(AlertEvent event) {
        try {
            writer.onAlert(event);
            writer.flush();
        } catch (UncheckedIOException | IOException e) {
            // Only the writer thread writes this field; readers (metrics) just need a recent value.
            failures = failures + 1;
            LOG.warn("cannot write alert event {} to {}: {}", event.id(), path, e.getMessage());
        }
    }

    /** Events that could not be written; safe from any thread. */
    long failures() {
        return failures;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
