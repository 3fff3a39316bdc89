package dev.supernodetwin.ingest.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supernodetwin.core.sim.GroundTruth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Writes ground truth as NDJSON, one object per fault:
 * {@code {"fault":"F3","slug":"els-sudden-failure","target":..,"onset":ms,"end":ms|null,
 * "failure":ms|null,"rootCause":..,"affected":[..],"negative":bool}}.
 */
public final class GroundTruthWriter {
    private final ObjectMapper mapper = new ObjectMapper();

    /** One fault's line, without the newline. */
    public String line(GroundTruth truth) {
        ObjectNode o = mapper.createObjectNode();
        o.put("fault", truth.fault().code());
        o.put("slug", truth.fault().slug());
        o.put("target", truth.target());
        o.put("onset", truth.onsetMillis());
        millis(o, "end", truth.endMillis());
        millis(o, "failure", truth.failureMillis());
        o.put("rootCause", truth.rootCause());
        ArrayNode affected = o.putArray("affected");
        truth.affected().forEach(affected::add);
        o.put("negative", truth.negative());
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** Writes every fault, one line each. */
    public void write(List<GroundTruth> truths, Writer out) throws IOException {
        for (GroundTruth t : truths) {
            out.write(line(t));
            out.write('\n');
        }
        out.flush();
    }

    /** Writes every fault to {@code file}, replacing it. */
    public void write(List<GroundTruth> truths, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(truths, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ground truth to " + file, e);
        }
    }

    private static void millis(ObjectNode o, String key, OptionalLong v) {
        if (v.isPresent()) {
            o.put(key, v.getAsLong());
        } else {
            o.putNull(key);
        }
    }
}
