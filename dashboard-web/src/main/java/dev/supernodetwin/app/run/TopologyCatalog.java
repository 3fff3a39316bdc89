package dev.supernodetwin.app.run;

import dev.supernodetwin.app.config.RunSettings;
import dev.supernodetwin.core.topology.InvalidTopologyException;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.TopologyProblem;
import dev.supernodetwin.core.topology.TopologyValidator;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.topology.TopologyReader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which supernodes this instance can model, and the topology of each: one document (a file), a folder of
 * documents (one per supernode), or a preset expanded under each supernode's own id. {@code --supernode}
 * narrows it to an id or a list, or opens it to any id ({@code *}, presets and folders only).
 */
final class TopologyCatalog {
    /** Ids a preset is expanded under: what a record key may carry without surprising a reader. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");

    private final Optional<String> preset;
    private final Map<String, TopologyDocument> documents;
    /** Empty for any. */
    private final Optional<Set<String>> wanted;
    private final String describe;

    private TopologyCatalog(Optional<String> preset, Map<String, TopologyDocument> documents,
                            Optional<Set<String>> wanted, String describe) {
        this.preset = preset;
        this.documents = documents;
        this.wanted = wanted;
        this.describe = describe;
    }

    /**
     * The catalogue the settings describe; documents are read and validated now.
     *
     * @throws IOException              when a document cannot be read
     * @throws InvalidTopologyException naming the file, when a document is not a valid topology
     * @throws IllegalArgumentException when the settings contradict each other (a file and another supernode)
     */
    static TopologyCatalog of(RunSettings s) throws IOException {
        Optional<Set<String>> wanted = s.supernode().trim().equals("*") ? Optional.empty()
                : Optional.of(new LinkedHashSet<>(List.of(s.supernode().replace(" ", "").split(","))));
        if (s.preset().isPresent()) {
            return new TopologyCatalog(s.preset(), Map.of(), wanted, "preset " + s.preset().get() + " for "
                    + wanted.map(w -> "supernode(s) " + String.join(", ", w)).orElse("every supernode that arrives"));
        }
        Map<String, TopologyDocument> docs = new TreeMap<>();
        if (s.topologyFile().isPresent()) {
            TopologyDocument doc = TopologyReader.read(s.topologyFile().get());
            List<TopologyProblem> invalid = TopologyValidator.validate(doc);
            if (!invalid.isEmpty()) {
                throw new InvalidTopologyException(invalid);
            }
            docs.put(doc.supernode(), doc);
            // The file says which supernode it is; --supernode keeps its default unless set on purpose.
            return new TopologyCatalog(Optional.empty(), docs, Optional.of(Set.of(doc.supernode())),
                    "topology " + s.topologyFile().get() + " (supernode " + doc.supernode() + ")");
        }
        Path dir = s.topologyDir().orElseThrow();
        List<String> problems = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{json,yaml,yml}")) {
            for (Path f : files) {
                try {
                    TopologyDocument doc = TopologyReader.read(f);
                    List<TopologyProblem> invalid = TopologyValidator.validate(doc);
                    if (!invalid.isEmpty()) {
                        throw new InvalidTopologyException(invalid);
                    }
                    TopologyDocument before = docs.put(doc.supernode(), doc);
                    if (before != null) {
                        problems.add(f + ": supernode " + doc.supernode() + " is described by another file too");
                    }
                } catch (InvalidTopologyException | IOException e) {
                    problems.add(f + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("topology.dir " + dir + ":\n  " + String.join("\n  ", problems));
        }
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("topology.dir " + dir + " holds no topology document (*.json, *.yaml)");
        }
        wanted.ifPresent(w -> w.retainAll(docs.keySet()));
        return new TopologyCatalog(Optional.empty(), docs, wanted, docs.size() + " topologies from " + dir + " ("
                + String.join(", ", docs.keySet()) + ")");
    }

    /** The topology of {@code supernode}, or empty when this instance does not model it. */
    Optional<TopologyDocument> topology(String supernode) {
        if (wanted.isPresent() && !wanted.get().contains(supernode)) {
            return Optional.empty();
        }
        if (preset.isPresent()) {
            return ID.matcher(supernode).matches() ? Optional.of(Presets.expand(preset.get(), supernode))
                    : Optional.empty();
        }
        return Optional.ofNullable(documents.get(supernode));
    }

    /** The one supernode this instance models, when it is exactly one: unkeyed records belong to it. */
    Optional<String> only() {
        if (wanted.isPresent() && wanted.get().size() == 1) {
            return Optional.of(wanted.get().iterator().next());
        }
        return preset.isEmpty() && wanted.isEmpty() && documents.size() == 1
                ? Optional.of(documents.keySet().iterator().next()) : Optional.empty();
    }

    /** One line for the start-up banner. */
    String describe() {
        return describe;
    }
}
