package dev.supernodetwin.core.silence;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SilencesTest {
    private static final Topology TINY = Topology.of(TinyTopology.document());
    private static final long T0 = 1_700_000_000_000L;
    private static final long HOUR = 3_600_000L;

    private static Silence silence(String id, String target, long start, long end) {
        return new Silence(id, SilenceTarget.parse(target, TINY).orElseThrow(), start, end, "sre", "work");
    }

    private static AlertEvent alert(String device, OptionalInt lane) {
        return new AlertEvent("a-1", T0, "tn", AlertEvent.State.FIRING, AlertEvent.Kind.ANOMALY,
                AlertEvent.Severity.ALARM, AlertEvent.Category.OPTICAL, "optical.rx_power.low", device, lane,
                new AlertEvent.RootCause(device, lane, "test"), List.of(), OptionalLong.empty(), "test");
    }

    @Test
    void aLaserSilenceCoversALaneAlertDownstreamButNotTheLaserSourceItself() {
        Silences s = Silences.empty(TINY).with(silence("s1", "tn/els0#0", T0, T0 + HOUR));
        assertThat(s.covering(alert("tn/sw/oe0", OptionalInt.of(2)), T0 + 1).map(Silence::id)).contains("s1");
        assertThat(s.covering(alert("tn/els0", OptionalInt.of(0)), T0 + 1)).isPresent();
        assertThat(s.covering(alert("tn/sw/oe0", OptionalInt.of(5)), T0 + 1)).isEmpty();
        assertThat(s.covering(alert("tn/els0", OptionalInt.empty()), T0 + 1)).isEmpty();
    }

    @Test
    void aSilenceCoversOnlyFromItsStartUntilItsEnd() {
        Silences s = Silences.empty(TINY).with(silence("s1", "tn/gpu0", T0, T0 + HOUR));
        AlertEvent gpu = alert("tn/gpu0", OptionalInt.empty());
        assertThat(s.covering(gpu, T0 - 1)).isEmpty();
        assertThat(s.covering(gpu, T0)).isPresent();
        assertThat(s.covering(gpu, T0 + HOUR)).isEmpty();
    }

    @Test
    void aCoveredDeviceCoversItsLaneAlertsAndTheLongestSilenceWins() {
        Silences s = Silences.empty(TINY).with(silence("short", "tn/cdu1", T0, T0 + HOUR))
                .with(silence("long", "tn/gpu1", T0, T0 + 2 * HOUR));
        assertThat(s.covering(alert("tn/gpu1/oe0", OptionalInt.of(7)), T0).map(Silence::id)).contains("long");
        assertThat(s.covering(alert("tn/leak", OptionalInt.empty()), T0).map(Silence::id)).contains("short");
    }

    @Test
    void expiringEndsCoverageAndPruningForgetsOldSilences() {
        Silences s = Silences.empty(TINY).with(silence("s1", "tn/leak", T0, T0 + HOUR));
        Silences expired = s.with(s.get("s1").orElseThrow().silence().expiredAt(T0 + 10));
        assertThat(expired.covering(alert("tn/leak", OptionalInt.empty()), T0 + 10)).isEmpty();
        assertThat(expired.endedBefore(T0 + 10).all()).hasSize(1);
        assertThat(expired.endedBefore(T0 + 11).all()).isEmpty();
    }

    @Test
    void anAlertOnAnUnknownDeviceOrLaneIsNeverCovered() {
        Silences s = Silences.empty(TINY).with(silence("s1", "tn/cdu1", T0, T0 + HOUR));
        assertThat(s.covering(alert("tn/nope", OptionalInt.empty()), T0)).isEmpty();
        assertThat(s.covering(alert("tn/ocs1", OptionalInt.of(99)), T0)).isEmpty();
    }

    @Test
    void targetsAreValidatedAgainstTheTopology() {
        assertThat(SilenceTarget.parse("tn/els0#0", TINY).orElseThrow().kind()).isEqualTo(SilenceTarget.Kind.LANE);
        assertThat(SilenceTarget.parse("tn/els0", TINY).orElseThrow().kind()).isEqualTo(SilenceTarget.Kind.DEVICE);
        assertThat(SilenceTarget.parse("tn/els0#4", TINY)).isEmpty();
        assertThat(SilenceTarget.parse("tn/nothing", TINY)).isEmpty();
        assertThat(SilenceTarget.parse("tray:t01", TINY)).isEmpty();
        assertThat(SilenceTarget.parse("rack:", TINY)).isEmpty();
        assertThat(SilenceTarget.parse("", TINY)).isEmpty();
        assertThat(SilenceTarget.parse(null, TINY)).isEmpty();
        assertThat(SilenceTarget.parse("x".repeat(400), TINY)).isEmpty();
    }

    @Test
    void aSilenceCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> silence("s1", "tn/leak", T0, T0 - 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends");
    }
}
