package dev.supernodetwin.ingest.kafka;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Which record values can be one NDJSON line, and how many frames they carry. */
class TopicRecorderTest {
    private final TopicRecorder recorder = new TopicRecorder(new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name()));

    private int frames(String value) {
        return recorder.framesIn(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsTheFramesOfObjectsAndArrays() {
        assertThat(frames("{\"ts\":1,\"device\":\"sn01/cdu1\"}")).isEqualTo(1);
        assertThat(frames("[{\"ts\":1},{\"ts\":2,\"lanes\":[{},null]},{}]")).isEqualTo(3);
        assertThat(frames("[]")).isZero();
    }

    @Test
    void refusesValuesThatCannotBeOneLine() {
        assertThat(frames("{\"ts\":1,\n\"device\":\"x\"}")).isEqualTo(-1);
        assertThat(frames("{\"ts\":1")).isEqualTo(-1);
        assertThat(frames("{} {}")).isEqualTo(-1);
        assertThat(frames("")).isEqualTo(-1);
        assertThat(recorder.framesIn(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'})).isEqualTo(-1);
    }
}
