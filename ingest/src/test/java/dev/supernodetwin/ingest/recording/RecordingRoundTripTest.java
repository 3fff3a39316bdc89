package dev.supernodetwin.ingest.recording;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.ingest.codec.DecoderLimits;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.RejectReason;
import dev.supernodetwin.ingest.codec.Rejection;
import dev.supernodetwin.ingest.testing.RandomFrames;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingRoundTripTest {
    private final SensorLayout layout = new SensorLayout(Topology.of(TinyTopology.document()));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"run.ndjson", "run.ndjson.gz"})
    void readsBackEveryFrameItWrote(String file) throws IOException {
        Path path = dir.resolve(file);
        List<List<String>> written = new ArrayList<>();
        RandomFrames random = new RandomFrames(layout, 3);
        FrameBuffer f = new FrameBuffer(16);
        try (RecordingWriter writer = RecordingWriter.open(path, layout)) {
            for (int i = 0; i < 5_000; i++) {
                random.fill(f, 1_000 + i);
                written.add(RandomFrames.samples(f));
                writer.accept(f);
            }
            assertThat(writer.framesWritten()).isEqualTo(5_000);
        }
        List<List<String>> read = new ArrayList<>();
        List<long[]> progress = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();

        ReadSummary summary = new RecordingReader(new FrameDecoder(layout)).read(path,
                g -> read.add(RandomFrames.samples(g)), rejections::add, (r, t) -> progress.add(new long[] {r, t}));

        assertThat(rejections).isEmpty();
        assertThat(read).isEqualTo(written);
        assertThat(summary).isEqualTo(new ReadSummary(5_000, 5_000, 0, Files.size(path)));
        assertThat(progress.get(progress.size() - 1)).containsExactly(Files.size(path), Files.size(path));
        assertThat(progress).extracting(p -> p[0]).isSorted();
    }

    @Test
    void compressesWhenTheNameEndsInGz() throws IOException {
        Path path = dir.resolve("x.ndjson.gz");
        FrameBuffer f = new FrameBuffer(4);
        f.begin(0, 1);
        try (RecordingWriter writer = RecordingWriter.open(path, layout)) {
            writer.accept(f);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"ts\":1,\"device\":\"tn/cdu1\"}\n");
        }
    }

    @Test
    void rejectsBadLinesWithTheirLineNumberAndKeepsReading() throws IOException {
        Path path = dir.resolve("mixed.ndjson");
        Files.writeString(path, String.join("\n",
                "{\"ts\":1,\"device\":\"tn/gpu0\"}",
                "",
                "{\"ts\":2,\"device\":\"tn/ghost\"}",
                "[{\"ts\":3,\"device\":\"tn/gpu0\"},{\"ts\":3}]\r",
                "{\"ts\":4,\"device\":\"tn/gpu1\",\"metrics\":{\"temp_c\":5" + "0".repeat(300) + "}}",
                "{\"ts\":5,\"device\":\"tn/gpu1\"}",
                "{\"ts\":6,\"dev"));
        List<Long> times = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        DecoderLimits small = new DecoderLimits(200, 100, 16, 100);

        ReadSummary summary = new RecordingReader(new FrameDecoder(layout, small))
                .read(path, g -> times.add(g.timestamp()), rejections::add);

        assertThat(times).containsExactly(1L, 3L, 5L);
        assertThat(rejections).extracting(Rejection::source, Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mixed.ndjson:3", RejectReason.UNKNOWN_DEVICE),
                org.assertj.core.groups.Tuple.tuple("mixed.ndjson:4", RejectReason.MISSING_DEVICE),
                org.assertj.core.groups.Tuple.tuple("mixed.ndjson:5", RejectReason.TOO_LARGE),
                org.assertj.core.groups.Tuple.tuple("mixed.ndjson:7", RejectReason.MALFORMED_JSON));
        assertThat(summary.lines()).isEqualTo(6);
        assertThat(summary.frames()).isEqualTo(3);
        assertThat(summary.rejections()).isEqualTo(4);
    }
}
