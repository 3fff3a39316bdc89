package dev.supernodetwin.ingest.replay;

import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.alerts.AlertEventWriter;
import dev.supernodetwin.ingest.codec.DecoderLimits;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.RejectReason;
import dev.supernodetwin.ingest.codec.Rejection;
import dev.supernodetwin.ingest.codec.RejectionSink;
import dev.supernodetwin.ingest.deadletter.DeadLetterFile;
import dev.supernodetwin.ingest.recording.RecordingWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayPipelineTest {
    private static final long START = 1_767_225_600_000L;
    private static final int TICKS = 20;
    private static final SensorLayout LAYOUT = new SensorLayout(Topology.of(Presets.expand("cpo-72", "sn01")));

    @TempDir
    static Path dir;
    static Path recording;
    static long framesInFile;

    @BeforeAll
    static void simulate() throws IOException {
        recording = dir.resolve("run.ndjson.gz");
        Simulator sim = new Simulator(LAYOUT, new SimulationSettings(7, START, 1000), Scenario.healthy());
        try (RecordingWriter w = RecordingWriter.open(recording, LAYOUT)) {
            for (int t = 0; t < TICKS; t++) {
                sim.tick(w);
            }
            framesInFile = w.framesWritten();
        }
    }

    private static ReplaySummary replay(FileReplaySource source, ReplayOptions options, Twin twin) throws IOException {
        try (source) {
            return new ReplayPipeline(twin, new FrameDecoder(LAYOUT), options).run(source);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theTwinAppliesEveryFrameOfASimulatedRecordingExactlyOnce(boolean readAhead) throws Exception {
        Twin twin = new Twin(LAYOUT, StalenessPolicy.DEFAULT);
        FileReplaySource source = readAhead ? FileReplaySource.openWithReadAhead(recording, DecoderLimits.DEFAULTS)
                : FileReplaySource.open(recording, DecoderLimits.DEFAULTS);

        ReplaySummary summary = replay(source, ReplayOptions.maxSpeed(), twin);

        assertThat(summary.applied()).isEqualTo(framesInFile).isEqualTo(twin.applied());
        assertThat(summary.frames()).isEqualTo(framesInFile);
        assertThat(summary.duplicates()).isZero();
        assertThat(summary.rejected()).isEmpty();
        assertThat(summary.firstEvent()).isEqualTo(START);
        assertThat(summary.lastEvent()).isEqualTo(START + (TICKS - 1) * 1000L);
        assertThat(twin.state().watermark()).isEqualTo(START + (TICKS - 1) * 1000L);
        assertThat(source.progressDone()).isEqualTo(source.progressTotal()).isEqualTo(Files.size(recording));
    }

    @Test
    void atSpeedFourNineteenSecondsOfEventTimeArePacedToAboutFiveSeconds() throws Exception {
        EventTimePacerTest.FakeTime time = new EventTimePacerTest.FakeTime();
        long before = time.now;
        ReplayOptions options = ReplayOptions.maxSpeed().withPacer(EventTimePacer.atSpeed(4, time, time));

        ReplaySummary summary = replay(FileReplaySource.open(recording, DecoderLimits.DEFAULTS), options,
                new Twin(LAYOUT, StalenessPolicy.DEFAULT));

        assertThat(summary.applied()).isEqualTo(framesInFile);
        // (TICKS - 1) s of event time at 4x, all of it slept because the fake clock does not move otherwise.
        assertThat(time.now - before).isEqualTo((TICKS - 1) * 1_000_000_000L / 4);
        assertThat(time.sleeps).hasSize(TICKS - 1);
    }

    @Test
    void twoReplaysOfTheSameRecordingWriteByteIdenticalAlertFiles() throws Exception {
        byte[] first = replayWithAlerts(dir.resolve("alerts-1.ndjson"));
        byte[] second = replayWithAlerts(dir.resolve("alerts-2.ndjson"));

        assertThat(second).isEqualTo(first);
    }

    private byte[] replayWithAlerts(Path alerts) throws IOException {
        try (AlertEventWriter writer = AlertEventWriter.create(alerts)) {
            Twin twin = new Twin(LAYOUT, StalenessPolicy.DEFAULT);
            ReplayPipeline pipeline = new ReplayPipeline(twin, new FrameDecoder(LAYOUT), ReplayOptions.maxSpeed());
            pipeline.addAlertSink(writer);
            try (FileReplaySource source = FileReplaySource.open(recording, DecoderLimits.DEFAULTS)) {
                assertThat(pipeline.run(source).applied()).isEqualTo(framesInFile);
            }
        }
        assertThat(alerts).exists();
        return Files.readAllBytes(alerts);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void decodingOnSeveralThreadsLeavesTheTwinExactlyAsDecodingOnOne(int threads) throws Exception {
        Twin sequential = new Twin(LAYOUT, StalenessPolicy.DEFAULT);
        Twin parallel = new Twin(LAYOUT, StalenessPolicy.DEFAULT);

        ReplaySummary one = replay(FileReplaySource.open(recording, DecoderLimits.DEFAULTS), ReplayOptions.maxSpeed(),
                sequential);
        ReplaySummary many = replay(FileReplaySource.openWithReadAhead(recording, DecoderLimits.DEFAULTS),
                ReplayOptions.maxSpeed().withDecodeThreads(threads), parallel);

        assertThat(many.applied()).isEqualTo(one.applied()).isEqualTo(framesInFile);
        assertThat(many.frames()).isEqualTo(one.frames());
        assertThat(many.samples()).isEqualTo(one.samples());
        for (int s = 0; s < LAYOUT.sensorCount(); s++) {
            assertThat(parallel.state().time(s)).as("time of %s", LAYOUT.describe(s)).isEqualTo(sequential.state().time(s));
            // boxed, so that sensors that never reported (NaN) compare equal
            assertThat(Double.valueOf(parallel.state().value(s))).as("value of %s", LAYOUT.describe(s))
                    .isEqualTo(Double.valueOf(sequential.state().value(s)));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void badLinesAreCountedByReasonAndGoToTheDeadLetterFileWithTheirLine(int threads) throws Exception {
        Path file = dir.resolve("mixed.ndjson");
        Files.writeString(file, String.join("\n",
                "{\"ts\":" + START + ",\"device\":\"sn01/cdu1\",\"metrics\":{\"supply_c\":31.5}}",
                "not json",
                "[{\"ts\":" + (START + 1) + ",\"device\":\"sn01/nope\"},{\"ts\":" + (START + 1)
                        + ",\"device\":\"sn01/cdu1\",\"metrics\":{\"supply_c\":31.6}}]",
                "{\"device\":\"sn01/cdu1\"}", ""), StandardCharsets.UTF_8);
        Path dead = dir.resolve("dead.ndjson");
        List<Rejection> seen = new ArrayList<>();
        ReplaySummary summary;
        try (DeadLetterFile letters = DeadLetterFile.create(dead)) {
            RejectionSink both = r -> {
                seen.add(r);
                letters.reject(r);
            };
            ReplayOptions options = new ReplayOptions(EventTimePacer.unpaced(), Long.MIN_VALUE, both,
                    ReplayProgress.none(), threads);
            summary = replay(FileReplaySource.open(file, DecoderLimits.DEFAULTS), options,
                    new Twin(LAYOUT, StalenessPolicy.DEFAULT));
        }

        assertThat(summary.applied()).isEqualTo(2);
        assertThat(summary.rejected()).containsOnlyKeys(RejectReason.MALFORMED_JSON, RejectReason.UNKNOWN_DEVICE,
                RejectReason.MISSING_TS);
        assertThat(seen).extracting(Rejection::source).containsExactly("mixed.ndjson:2", "mixed.ndjson:3",
                "mixed.ndjson:4");
        List<String> lines = Files.readAllLines(dead);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("{\"reason\":\"unknown-device\",\"source\":\"mixed.ndjson:3\",\"frame\":0,");
        assertThat(lines.get(0)).startsWith("{\"reason\":\"malformed-json\",\"source\":\"mixed.ndjson:2\",");
    }

    @Test
    void framesBeforeTheStartTimeAreLeftOutAndCounted() throws Exception {
        long from = START + 10_000;
        ReplayOptions options = new ReplayOptions(EventTimePacer.unpaced(), from, RejectionSink.ignoring(),
                ReplayProgress.none());

        ReplaySummary summary = replay(FileReplaySource.open(recording, DecoderLimits.DEFAULTS), options,
                new Twin(LAYOUT, StalenessPolicy.DEFAULT));

        assertThat(summary.firstEvent()).isEqualTo(from);
        assertThat(summary.applied() + summary.beforeStart()).isEqualTo(framesInFile);
        assertThat(summary.applied()).isEqualTo(framesInFile / TICKS * (TICKS - 10));
    }
}
