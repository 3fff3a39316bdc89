package dev.supernodetwin.app;

import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.topology.TopologyReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where a command's supernode comes from: a built-in preset or a topology file. */
final class TopologyOptions {

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = "--supernode", defaultValue = "sn01", paramLabel = "ID",
            description = "Supernode id for a preset (default: ${DEFAULT-VALUE}).")
    String supernode;

    static final class Source {
        @Option(names = "--preset", paramLabel = "NAME",
                description = "Built-in supernode: cpo-72, npo-256 or oio-1024 (default: cpo-72).")
        String preset;

        @Option(names = "--topology", paramLabel = "FILE", description = "Topology document (JSON or YAML).")
        Path file;
    }

    /** The topology document chosen, read and validated. */
    TopologyDocument document() throws java.io.IOException {
        if (source.file != null) {
            return TopologyReader.read(source.file);
        }
        return Presets.expand(source.preset == null ? "cpo-72" : source.preset, supernode);
    }

    /** The chosen topology, indexed. */
    Topology topology() throws java.io.IOException {
        return Topology.of(document());
    }
}
