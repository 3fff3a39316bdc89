package dev.supernodetwin.app;

import dev.supernodetwin.core.history.RecentHistory;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.runtime.AlertLog;
import dev.supernodetwin.app.runtime.EventTimePublisher;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.diagnose.DetectionSettings;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.replay.ReplayControl;
import dev.supernodetwin.ingest.replay.ReplayOptions;
import dev.supernodetwin.ingest.replay.ReplayPipeline;
import dev.supernodetwin.ingest.replay.ReplaySource;
import dev.supernodetwin.ingest.replay.ReplaySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.InstantSource;

/**
 * The replay behind {@code twin replay --serve}: replays the recording into a twin with detection,
 * publishing snapshots and alerts for the dashboard, under a {@link ReplayControl}. A seek back starts
 * again from the beginning of the recording with a fresh twin, detection and alert board. When the
 * recording has been replayed to its end it waits for a seek back; it runs until the JVM stops.
 */
final class ServedReplay implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServedReplay.class);

    /** Opens the recording again for each run. */
    @FunctionalInterface
    interface Opener {
        ReplaySource open(FrameDecoder decoder) throws IOException;
    }

    /**
     * What a run is made of.
     *
     * @param layout      the supernode's sensors
     * @param rules       detection rules
     * @param options     replay options; the pacer is replaced by the control
     * @param opener      opens the recording
     * @param publishMillis how often snapshots are published (the live tick)
     */
    record Setup(SensorLayout layout, RuleSet rules, ReplayOptions options, Opener opener, long publishMillis) {
    }

    /** Where a run publishes: snapshots, alerts and the recent history the charts read. */
    record Boards(SnapshotBoard snapshots, AlertBoard alerts, RecentHistory history) {
    }

    private final Setup setup;
    private final ReplayControl control;
    private final SnapshotBoard board;
    private final AlertBoard alerts;
    private final RecentHistory history;

    ServedReplay(Setup setup, ReplayControl control, Boards boards) {
        this.setup = setup;
        this.control = control;
        this.board = boards.snapshots();
        this.alerts = boards.alerts();
        this.history = boards.history();
    }

    @Override
    public void run() {
        try {
            do {
                runOnce();
                if (!control.restartRequested()) {
                    control.finished();
                    System.out.println("recording replayed to its end; still serving (seek back to replay again,"
                            + " Ctrl-C to stop)");
                    if (!control.awaitRestart()) {
                        return;
                    }
                }
            } while (!Thread.currentThread().isInterrupted());
        } catch (IOException | RuntimeException e) {
            LOG.error("replay failed; the dashboard keeps serving what was replayed", e);
        }
    }

    /** One run from the start of the recording into a fresh twin. */
    private void runOnce() throws IOException {
        control.beginRun();
        alerts.clear();
        history.clear();
        Twin twin = new Twin(setup.layout(), StalenessPolicy.DEFAULT);
        FrameDecoder decoder = new FrameDecoder(setup.layout());
        EventTimePublisher publisher = new EventTimePublisher(twin.state(), board, history, InstantSource.system(),
                setup.publishMillis());
        ReplayPipeline pipeline = new ReplayPipeline(twin, decoder, setup.options().withPacer(control))
                .detectWith(setup.rules(), DetectionSettings.defaults());
        pipeline.addAlertSink(alerts);
        pipeline.addAlertSink(new AlertLog());
        // After detection, so a published snapshot never runs ahead of the alerts of its frames.
        twin.addListener(publisher);
        control.onRestart(pipeline::stop);
        if (control.restartRequested()) {
            pipeline.stop();
        }
        try (ReplaySource src = setup.opener().open(decoder)) {
            ReplaySummary summary = pipeline.run(src);
            publisher.publish();
            if (!control.restartRequested()) {
                System.out.println(summary.line());
            }
        }
    }
}
