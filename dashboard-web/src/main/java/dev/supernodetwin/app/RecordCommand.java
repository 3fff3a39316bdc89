package dev.supernodetwin.app;

import dev.supernodetwin.core.sim.Durations;
import dev.supernodetwin.ingest.kafka.TopicRecorder;
import dev.supernodetwin.ingest.replay.StartTime;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code twin record}: writes what arrives on a Kafka topic to a recording. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Records a Kafka topic to NDJSON (gzip if FILE ends in .gz): the record values as they are,",
                "one per line. Starts at the end of every partition (what arrives from now on) unless",
                "--from-beginning or --from-time is given; stops at --duration, --max-frames or Ctrl-C."})
final class RecordCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, paramLabel = "B", description = "Kafka host:port.")
    String bootstrap;

    @Option(names = "--topic", required = true, paramLabel = "T", description = "Topic to record.")
    String topic;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Recording to write.")
    Path out;

    @ArgGroup(exclusive = true)
    Start start = new Start();

    static final class Start {
        @Option(names = "--from-beginning", description = "Start at the beginning of every partition.")
        boolean beginning;

        @Option(names = "--from-time", paramLabel = "T",
                description = "Start at the first record at or after T: ISO-8601 or a duration ago like 2h.")
        String time;
    }

    @ArgGroup(exclusive = true)
    Limit limit = new Limit();

    static final class Limit {
        @Option(names = "--duration", paramLabel = "D", description = "Stop after this much wall time, e.g. 10m.")
        String duration;

        @Option(names = "--max-frames", paramLabel = "N", description = "Stop after this many frames.")
        Long maxFrames;
    }

    @Override
    public Integer call() throws Exception {
        TopicRecorder.Settings settings = settings();
        TopicRecorder recorder = new TopicRecorder(bootstrap);
        ProgressLine line = new ProgressLine(System.err);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            recorder.stop();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        TopicRecorder.Summary s;
        try {
            s = recorder.record(settings, out, progress(line));
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook waits for the latch released above.
            }
        }
        line.finish();
        System.out.printf("recorded %,d records (%,d frames, %,d bytes) from %s to %s; skipped %,d that cannot be"
                + " one NDJSON line%n", s.records(), s.frames(), s.bytes(), topic, out, s.skipped());
        return 0;
    }

    private TopicRecorder.Settings settings() {
        TopicRecorder.From from = start.beginning ? TopicRecorder.From.BEGINNING
                : start.time != null ? TopicRecorder.From.TIME : TopicRecorder.From.END;
        Instant time = start.time == null ? null : StartTime.parse(start.time, InstantSource.system());
        long max = limit.maxFrames == null ? Long.MAX_VALUE : limit.maxFrames;
        Duration wall = limit.duration == null ? Duration.ZERO : Duration.ofMillis(Durations.parse(limit.duration));
        return new TopicRecorder.Settings(topic, from, time, max, wall);
    }

    private static TopicRecorder.Progress progress(ProgressLine line) {
        long started = System.nanoTime();
        long[] next = {started + 1_000_000_000L};
        return s -> {
            long now = System.nanoTime();
            if (now >= next[0]) {
                next[0] = now + 1_000_000_000L;
                double secs = (now - started) / 1e9;
                line.show(String.format(Locale.ROOT, "recording %s | %,d records | %,d frames | %sB | %,d skipped",
                        ProgressLine.clock(secs), s.records(), s.frames(), ProgressLine.si(s.bytes()), s.skipped()));
            }
        };
    }
}
