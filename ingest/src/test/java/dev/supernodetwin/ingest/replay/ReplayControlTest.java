package dev.supernodetwin.ingest.replay;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayControlTest {
    private final EventTimePacerTest.FakeTime time = new EventTimePacerTest.FakeTime();

    @Test
    void pacesAtTheGivenSpeedAndReanchorsWhenTheSpeedChanges() throws Exception {
        ReplayControl control = new ReplayControl(10, time, time);
        long start = time.now;
        for (long ts = 0; ts <= 10_000; ts += 100) {
            control.pace(ts);
        }
        assertThat(time.now - start).isEqualTo(TimeUnit.SECONDS.toNanos(1));

        control.speed(100);
        long before = time.now;
        for (long ts = 10_100; ts <= 20_100; ts += 100) {
            control.pace(ts);
        }

        // Re-anchored at 10,100: the next 10 s of event time take 0.1 s at the new speed.
        assertThat(time.now - before).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(control.status().speed()).isEqualTo(100);
        assertThat(control.status().at()).isEqualTo(20_100);
    }

    @Test
    void seekingForwardRunsUnpacedUntilTheCursorThenPacesAgain() throws Exception {
        ReplayControl control = new ReplayControl(1, time, time);
        control.pace(0);
        control.pace(1_000);
        long before = time.now;

        control.seek(60_000);
        for (long ts = 2_000; ts < 60_000; ts += 1_000) {
            control.pace(ts);
        }
        assertThat(time.now).as("no sleep before the cursor").isEqualTo(before);

        control.pace(60_000);
        control.pace(61_000);
        assertThat(time.now - before).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void seekingBackAsksForARestartAndTheNewRunIsUnpacedToTheCursor() throws Exception {
        ReplayControl control = new ReplayControl(1, time, time);
        AtomicInteger restarts = new AtomicInteger();
        control.onRestart(restarts::incrementAndGet);
        for (long ts = 0; ts <= 30_000; ts += 1_000) {
            control.pace(ts);
        }

        ReplayControl.Status s = control.seek(10_000);

        assertThat(restarts).hasValue(1);
        assertThat(control.restartRequested()).isTrue();
        control.beginRun();
        assertThat(control.restartRequested()).isFalse();
        long before = time.now;
        for (long ts = 0; ts < 10_000; ts += 1_000) {
            control.pace(ts);
        }
        assertThat(time.now).isEqualTo(before);
        assertThat(s.from()).isZero();
        assertThat(s.to()).isEqualTo(30_000);
    }

    @Test
    void aPauseHoldsTheReplayThreadUntilResumed() throws Exception {
        ReplayControl control = new ReplayControl(ReplayControl.UNPACED, time, time);
        control.pace(0);
        control.pause(true);
        AtomicLong applied = new AtomicLong(-1);
        Thread replay = new Thread(() -> {
            try {
                control.pace(1_000);
                applied.set(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        replay.start();
        while (!control.holding()) {
            Thread.onSpinWait();
        }
        assertThat(applied).as("held while paused").hasValue(-1);
        assertThat(control.status().paused()).isTrue();

        control.pause(false);
        replay.join();

        assertThat(applied).hasValue(1_000);
        assertThat(control.status().paused()).isFalse();
    }

    @Test
    void aLongWaitEndsEarlyWhenAControlChanges() throws Exception {
        ReplayControl control = new ReplayControl(1, time, time);
        control.pace(0);
        // A sleeper that pauses the replay during the first slice of a one-hour wait.
        ReplayControl[] self = new ReplayControl[1];
        ReplayControl slow = new ReplayControl(1, time, nanos -> {
            time.sleep(nanos);
            self[0].speed(2);
        });
        self[0] = slow;
        slow.pace(0);
        long before = time.now;

        slow.pace(3_600_000);

        assertThat(time.now - before).isLessThan(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void rejectsBadSpeedsAndSeeksOutsideTheRecording() throws Exception {
        ReplayControl control = new ReplayControl(1, time, time);
        assertThatThrownBy(() -> control.seek(5)).hasMessageContaining("nothing has been replayed yet");
        control.pace(1_000);
        control.pace(2_000);
        control.finished();

        assertThatThrownBy(() -> control.speed(0)).hasMessageContaining("above 0 and at most 10000");
        assertThatThrownBy(() -> control.speed(20_000)).hasMessageContaining("at most 10000");
        assertThatThrownBy(() -> control.speed(Double.NaN)).hasMessageContaining("speed must be");
        assertThatThrownBy(() -> control.seek(999)).hasMessageContaining("within 1000..2000");
        assertThatThrownBy(() -> control.seek(2_001)).hasMessageContaining("within 1000..2000");
        assertThat(control.status().done()).isTrue();
        assertThat(control.speed(ReplayControl.UNPACED).speed()).isInfinite();
    }
}
