package dev.supernodetwin.ingest.replay;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTimePacerTest {
    /** A clock that only moves when the pacer sleeps, or when the test says work took time. */
    static final class FakeTime implements EventTimePacer.Ticker, EventTimePacer.Sleeper {
        long now = 1_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void atSpeedTenTenSecondsOfEventTimeTakeOneSecond() throws Exception {
        FakeTime time = new FakeTime();
        EventTimePacer pacer = EventTimePacer.atSpeed(10, time, time);
        long start = time.now;

        for (long ts = 0; ts <= 10_000; ts += 100) {
            for (int device = 0; device < 50; device++) {
                pacer.pace(1_700_000_000_000L + ts);
            }
        }

        assertThat(time.now - start).isEqualTo(1_000_000_000L);
    }

    @Test
    void sleepsInCoarseStepsNotPerFrame() throws Exception {
        FakeTime time = new FakeTime();
        EventTimePacer pacer = EventTimePacer.atSpeed(1, time, time);

        for (long ts = 0; ts < 2_000; ts++) {
            pacer.pace(ts);
        }

        assertThat(pacer.sleeps()).isLessThanOrEqualTo(2_000 / 10);
        assertThat(time.sleeps).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10_000_000L));
    }

    @Test
    void neverSleepsWhenTheReplayIsBehind() throws Exception {
        FakeTime time = new FakeTime();
        EventTimePacer pacer = EventTimePacer.atSpeed(2, time, time);

        for (long ts = 0; ts < 10_000; ts += 1000) {
            time.now += 1_000_000_000L; // each second of event time costs a full second of work: behind at 2x
            pacer.pace(ts);
        }

        assertThat(pacer.sleeps()).isZero();
    }

    @Test
    void unpacedNeverSleeps() throws Exception {
        EventTimePacer pacer = EventTimePacer.unpaced();
        for (long ts = 0; ts < 100_000; ts += 1000) {
            pacer.pace(ts);
        }
        assertThat(pacer.sleeps()).isZero();
        assertThat(pacer.paced()).isFalse();
    }

    @Test
    void rejectsASpeedThatIsNotPositive() {
        FakeTime time = new FakeTime();
        assertThatThrownBy(() -> EventTimePacer.atSpeed(0, time, time)).hasMessageContaining("positive");
        assertThatThrownBy(() -> EventTimePacer.atSpeed(Double.NaN, time, time)).hasMessageContaining("positive");
    }
}
