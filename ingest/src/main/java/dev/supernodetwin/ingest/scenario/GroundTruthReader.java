package dev.supernodetwin.ingest.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supernodetwin.core.sim.FaultType;
import dev.supernodetwin.core.sim.GroundTruth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads the NDJSON that {@link GroundTruthWriter} writes, for scoring a run against what happened. */
public final class GroundTruthReader {
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public GroundTruth line(String text) {
        JsonNode o;
        try {
            o = mapper.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("ground-truth line is not JSON: " + e.getMessage(), e);
        }
        FaultType type = FaultType.fromCode(required(o, "fault").asText())
                .orElseThrow(() -> new IllegalArgumentException("unknown fault " + o.get("fault")));
        List<String> affected = new ArrayList<>();
        required(o, "affected").forEach(a -> affected.add(a.asText()));
        return new GroundTruth(type, required(o, "target").asText(), required(o, "onset").asLong(),
                millis(o, "end"), millis(o, "failure"), required(o, "rootCause").asText(), affected,
                required(o, "negative").asBoolean());
    }

    /** Reads every line of a file, skipping blank lines. */
    public List<GroundTruth> read(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(this::line).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ground truth " + file, e);
        }
    }

    private static JsonNode required(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("ground-truth line has no '" + key + "'");
        }
        return v;
    }

    private static OptionalLong millis(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? OptionalLong.empty() : OptionalLong.of(v.asLong());
    }
}
