package dev.supernodetwin.ingest.alerts;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.ingest.ndjson.NdjsonLines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes alert events (wire format §3) as NDJSON, one event per line, for {@code --alerts-out}. The
 * output is deterministic so two runs over the same telemetry give byte-identical files (see
 * {@link AlertEventJson}). Not thread-safe: the twin's writer thread calls it.
 */
public final class AlertEventWriter implements AlertSink, AutoCloseable {
    private final NdjsonLines lines;

    private AlertEventWriter(NdjsonLines lines) {
        this.lines = lines;
    }

    /** Creates (or truncates) {@code path}, so the file exists even if no alert is ever written. */
    public static AlertEventWriter create(Path path) throws IOException {
        return new AlertEventWriter(NdjsonLines.create(path, "alert events"));
    }

    /**
     * Writes one event as one line.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    @Override
    public void onAlert(AlertEvent e) {
        lines.write(g -> AlertEventJson.write(g, e));
    }

    /** Events written. */
    public long written() {
        return lines.written();
    }

    /** Flushes what is buffered to the file. */
    public void flush() throws IOException {
        lines.flush();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
