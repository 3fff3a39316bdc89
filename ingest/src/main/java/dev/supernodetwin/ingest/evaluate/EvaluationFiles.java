package dev.supernodetwin.ingest.evaluate;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.evaluate.EvaluationCase;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.ingest.alerts.AlertEventReader;
import dev.supernodetwin.ingest.scenario.GroundTruthReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds an {@link EvaluationCase} from the files a run leaves: ground truth and alert events, both NDJSON. */
public final class EvaluationFiles {

    private EvaluationFiles() {
    }

    /** The case as simulated on {@code topology}, with the truth and alerts read from their files. */
    public static EvaluationCase load(SuiteCase c, Topology topology, Path truth, Path alerts) {
        return new EvaluationCase(c.name(), c.preset(), topology.deviceCount(), c.ticks() * c.periodMillis(),
                c.periodMillis(), new GroundTruthReader().read(truth), readAlerts(alerts));
    }

    /**
     * Reads an alert file (wire format §3), skipping blank lines.
     *
     * @throws IllegalArgumentException naming the line that is not an alert event
     */
    public static List<AlertEvent> readAlerts(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alerts " + file, e);
        }
        List<AlertEvent> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                out.add(AlertEventReader.parse(lines.get(i)));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not an alert event: " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }
}
