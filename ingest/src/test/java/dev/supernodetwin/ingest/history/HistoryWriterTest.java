package dev.supernodetwin.ingest.history;

import org.influxdb.dto.Point;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryWriterTest {
    private final FakeStore store = new FakeStore();
    private HistoryWriter writer;

    @AfterEach
    void stop() {
        store.open();
        store.down(false);
        if (writer != null) {
            writer.close(Duration.ofSeconds(5));
        }
    }

    private HistoryWriter start(int capacity, int batch) {
        HistorySettings settings = HistorySettings.defaults().withBuffering(capacity, batch, Duration.ofMillis(20));
        writer = HistoryWriter.start(settings, store);
        return writer;
    }

    private static Point point(int i) {
        return Point.measurement("telemetry").time(1_000L * i, TimeUnit.MILLISECONDS).addField("x", (double) i).build();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void writesEveryQueuedPointInBatches() throws InterruptedException {
        start(1_000, 10);
        for (int i = 0; i < 95; i++) {
            assertThat(writer.offer(point(i))).isTrue();
        }
        await(() -> writer.stats().pointsWritten() == 95);

        HistoryStats stats = writer.stats();
        assertThat(stats.pointsQueued()).isEqualTo(95);
        assertThat(stats.backlog()).isZero();
        assertThat(stats.lastWriteSucceeded()).isTrue();
        assertThat(store.lines()).hasSize(95).first().isEqualTo("telemetry x=0.0 0");
    }

    @Test
    void keepsTheFailedBatchAndWritesItWhenTheStoreIsBack() throws InterruptedException {
        store.down(true);
        start(1_000, 10);
        for (int i = 0; i < 50; i++) {
            writer.offer(point(i));
        }
        await(() -> writer.stats().writeFailures() >= 3);
        assertThat(writer.stats().lastWriteSucceeded()).isFalse();
        assertThat(writer.stats().lastWriteError()).contains("connection refused");
        assertThat(writer.stats().pointsWritten()).isZero();

        store.down(false);
        await(() -> writer.stats().pointsWritten() == 50);

        assertThat(store.lines()).hasSize(50).doesNotHaveDuplicates();
        assertThat(writer.stats().pointsDropped()).isZero();
        assertThat(store.prepares()).isGreaterThan(1);
    }

    @Test
    void dropsAndCountsTheNewestPointsWhenTheQueueIsFullWithoutBlocking() throws InterruptedException {
        store.hold();
        start(20, 5);
        writer.offer(point(0));
        await(() -> store.entered() == 1);
        // The writer holds one batch of one point; the queue takes 20 more.
        int accepted = 0;
        for (int i = 1; i <= 100; i++) {
            accepted += writer.offer(point(i)) ? 1 : 0;
        }
        int taken = accepted;

        assertThat(accepted).isEqualTo(20);
        assertThat(writer.stats().pointsDropped()).isEqualTo(100 - accepted);
        store.open();
        await(() -> writer.stats().pointsWritten() == taken + 1);
    }

    @Test
    void countsARefusedBatchAsRejectedAndGoesOn() throws InterruptedException {
        store.refusing(true);
        start(100, 10);
        for (int i = 0; i < 10; i++) {
            writer.offer(point(i));
        }
        await(() -> writer.stats().pointsRejected() == 10);
        store.refusing(false);
        writer.offer(point(99));
        await(() -> writer.stats().pointsWritten() == 1);
        assertThat(writer.stats().backlog()).isZero();
    }

    @Test
    void closeWritesWhatIsQueued() {
        start(10_000, 100);
        for (int i = 0; i < 1_000; i++) {
            writer.offer(point(i));
        }
        writer.close(Duration.ofSeconds(10));

        assertThat(store.lines()).hasSize(1_000);
        assertThat(writer.offer(point(5))).isFalse();
        writer = null;
    }
}
