package dev.supernodetwin.ingest.replay;

import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.diagnose.DetectionEngine;
import dev.supernodetwin.core.diagnose.DetectionSettings;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.RejectReason;
import dev.supernodetwin.ingest.codec.Rejection;
import dev.supernodetwin.ingest.codec.RejectionSink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a source through the live path: record bytes → {@link FrameDecoder} → {@link Twin#apply},
 * paced by event time. Rejected frames are counted by reason and passed on with the source position;
 * frames before the start time are left out and counted. Runs on the calling thread, which becomes the
 * twin's writer; {@link #stop()} may be called from any thread.
 */
public final class ReplayPipeline {
    private static final long PROGRESS_NANOS = 1_000_000_000L;

    private final Twin twin;
    private final FrameDecoder decoder;
    private final ReplayOptions options;
    private final List<AlertSink> alertSinks = new ArrayList<>();
    private RuleSet rules = RuleSet.defaults();
    private DetectionSettings detection = DetectionSettings.defaults();
    private DetectionEngine engine;
    private long alertEvents;
    private volatile ReplaySource running;
    private volatile boolean stopRequested;

    /** A pipeline into {@code twin}, decoding with {@code decoder} (built for the twin's layout). */
    public ReplayPipeline(Twin twin, FrameDecoder decoder, ReplayOptions options) {
        this.twin = twin;
        this.decoder = decoder;
        this.options = options;
    }

    /**
     * Registers where alert events of this replay go. The first call puts a {@link DetectionEngine}
     * with the pipeline's rules on the twin; every sink then gets every event, in order.
     */
    public void addAlertSink(AlertSink sink) {
        detect();
        alertSinks.add(sink);
    }

    /**
     * Puts a {@link DetectionEngine} with the pipeline's rules on the twin, if there is none yet, so that
     * {@link #alertEvents()} and {@link #alertsFiring()} count even when no sink is registered.
     */
    public void detect() {
        if (engine == null) {
            engine = new DetectionEngine(twin.state(), rules, detection, e -> {
                alertEvents++;
                alertSinks.forEach(a -> a.onAlert(e));
            });
            twin.addListener(engine);
        }
    }

    /**
     * Detects with {@code ruleSet} and {@code settings} instead of the defaults; call before the first
     * {@link #addAlertSink} or {@link #detect}.
     */
    public ReplayPipeline detectWith(RuleSet ruleSet, DetectionSettings settings) {
        if (engine != null) {
            throw new IllegalStateException("detection is already running with other rules");
        }
        this.rules = ruleSet;
        this.detection = settings;
        return this;
    }

    /** Alert events raised so far; 0 when nothing detects. Read it on the thread that runs the replay. */
    public long alertEvents() {
        return alertEvents;
    }

    /** Alerts firing now; 0 when nothing detects. Read it on the thread that runs the replay. */
    public int alertsFiring() {
        return engine == null ? 0 : engine.firing();
    }

    /** The alert sinks registered. */
    public List<AlertSink> alertSinks() {
        return List.copyOf(alertSinks);
    }

    /** Asks the running replay to stop after the record in hand. */
    public void stop() {
        stopRequested = true;
        ReplaySource s = running;
        if (s != null) {
            s.stop();
        }
    }

    /**
     * Replays {@code source} to its end (or until stopped or interrupted) and tells the twin's listeners
     * the source is idle.
     */
    public ReplaySummary run(ReplaySource source) throws IOException {
        Run run = new Run(source);
        running = source;
        if (stopRequested) {
            source.stop();
        }
        try {
            source.run(run);
            run.finish();
        } finally {
            running = null;
            run.close();
        }
        twin.idle();
        return run.summary();
    }

    /** The state of one run: the frame and record sinks the source and decoder call. */
    private final class Run implements ReplaySource.RecordSink, FrameSink, RejectionSink {
        private final ReplaySource source;
        private final Pacing pacer = options.pacer();
        private final long notBefore = options.notBefore();
        private final long startNanos = System.nanoTime();
        private final long appliedBefore = twin.applied();
        private final long samplesBefore = twin.samples();
        private final long duplicatesBefore = twin.duplicates();
        private final ParallelDecoding parallel;
        private final long framesBefore = decoder.framesDecoded();
        private final long[] rejectedBefore = new long[RejectReason.values().length];
        private long nextProgress = startNanos + PROGRESS_NANOS;
        private long records;
        private long beforeStart;
        private long oversized;
        private long firstEvent = Long.MIN_VALUE;
        private long lastEvent = Long.MIN_VALUE;
        private boolean interrupted;

        Run(ReplaySource source) {
            this.source = source;
            this.parallel = options.decodeThreads() < 2 ? null : new ParallelDecoding(twin.state().layout(),
                    decoder.limits(), options.decodeThreads(), source::describe);
            for (RejectReason r : RejectReason.values()) {
                rejectedBefore[r.ordinal()] = decoder.rejections(r);
            }
        }

        @Override
        public void record(byte[] data, int offset, int length) {
            if (interrupted) {
                return;
            }
            records++;
            if (parallel == null) {
                decoder.decode(data, offset, length, this, this);
            } else {
                try {
                    parallel.add(data, offset, length, source.locator(), this, this);
                } catch (InterruptedException e) {
                    interrupt();
                }
            }
            if ((records & 63) == 0) {
                long now = System.nanoTime();
                if (now >= nextProgress) {
                    nextProgress = now + PROGRESS_NANOS;
                    report(now);
                }
            }
        }

        @Override
        public void oversized(String detail) {
            records++;
            oversized++;
            reject(new Rejection(RejectReason.TOO_LARGE, detail, Rejection.WHOLE_RECORD, ""));
        }

        @Override
        public void accept(FrameBuffer frame) {
            long ts = frame.timestamp();
            if (ts < notBefore) {
                beforeStart++;
                return;
            }
            try {
                pacer.pace(ts);
            } catch (InterruptedException e) {
                interrupt();
                return;
            }
            if (twin.apply(frame) == Twin.Outcome.APPLIED) {
                if (firstEvent == Long.MIN_VALUE) {
                    firstEvent = ts;
                }
                lastEvent = Math.max(lastEvent, ts);
            }
        }

        @Override
        public void reject(Rejection rejection) {
            // Parallel decoding named the place when it decoded; sequential decoding is at the record now.
            options.deadLetters().reject(parallel != null ? rejection : rejection.withSource(source.position()));
        }

        /** Applies what is still being decoded. */
        void finish() {
            if (parallel != null && !interrupted) {
                try {
                    parallel.finish(this, this);
                } catch (InterruptedException e) {
                    interrupt();
                }
            }
        }

        void close() {
            if (parallel != null) {
                parallel.close();
            }
        }

        private void interrupt() {
            Thread.currentThread().interrupt();
            interrupted = true;
            source.stop();
        }

        private long framesDecoded() {
            return decoder.framesDecoded() + (parallel == null ? 0 : parallel.framesDecoded());
        }

        private long rejections(RejectReason r) {
            return decoder.rejections(r) + (parallel == null ? 0 : parallel.rejections(r));
        }

        private void report(long now) {
            options.progress().update(twin.applied() - appliedBefore, twin.samples() - samplesBefore,
                    source.progressDone(), source.progressTotal(), now - startNanos);
        }

        ReplaySummary summary() {
            long end = System.nanoTime();
            report(end);
            Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
            for (RejectReason r : RejectReason.values()) {
                long n = rejections(r) - rejectedBefore[r.ordinal()] + (r == RejectReason.TOO_LARGE ? oversized : 0);
                if (n > 0) {
                    rejected.put(r, n);
                }
            }
            boolean none = firstEvent == Long.MIN_VALUE;
            return new ReplaySummary(records, framesDecoded() - framesBefore, twin.applied() - appliedBefore,
                    twin.duplicates() - duplicatesBefore, twin.samples() - samplesBefore, beforeStart,
                    source.foreignRecords(), rejected, none ? 0 : firstEvent, none ? 0 : lastEvent, end - startNanos,
                    stopRequested || interrupted);
        }
    }
}
