package dev.supernodetwin.app;

import dev.supernodetwin.core.topology.InvalidTopologyException;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.TopologyProblem;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.topology.TopologyReader;
import dev.supernodetwin.ingest.topology.TopologyWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code twin topology}: export presets in the explicit form and validate topology documents. */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Exports built-in supernodes as topology documents and checks documents.",
        subcommands = {TopologyCommand.Export.class, TopologyCommand.Validate.class})
final class TopologyCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Output formats of {@code export}. */
    enum Format { JSON, YAML }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Prints a preset in the explicit topology form (wire format §1).")
    static final class Export implements Callable<Integer> {
        @Option(names = "--preset", required = true, paramLabel = "NAME",
                description = "cpo-72, npo-256 or oio-1024.")
        String preset;

        @Option(names = "--supernode", defaultValue = "sn01", paramLabel = "ID",
                description = "Supernode id (default: ${DEFAULT-VALUE}).")
        String supernode;

        @Option(names = "--format", defaultValue = "json", description = "json or yaml (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path out;

        @Override
        public Integer call() throws IOException {
            TopologyDocument doc = Presets.expand(preset, supernode);
            try (OutputStream os = out == null ? nonClosing(System.out)
                    : new BufferedOutputStream(Files.newOutputStream(out))) {
                String text = format == Format.YAML ? TopologyWriter.toYaml(doc) : TopologyWriter.toJson(doc);
                os.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return 0;
        }

        private static OutputStream nonClosing(OutputStream os) {
            return new java.io.FilterOutputStream(os) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Checks a topology document (JSON or YAML) and lists every problem with where it is.",
                    "Exit status 0 when valid, 1 when not."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The topology document.")
        Path file;

        @Override
        public Integer call() throws IOException {
            try {
                Topology topo = Topology.of(TopologyReader.read(file));
                System.out.printf("%s: valid supernode %s with %,d devices, %,d lanes and %,d links%n", file,
                        topo.supernode(), topo.deviceCount(), topo.laneCount(), topo.links().size());
                return 0;
            } catch (InvalidTopologyException e) {
                System.out.printf("%s: %d problem%s%n", file, e.problems().size(), e.problems().size() == 1 ? "" : "s");
                for (TopologyProblem p : e.problems()) {
                    System.out.println("  " + p);
                }
                return 1;
            }
        }
    }
}
