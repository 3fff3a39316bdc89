package dev.supernodetwin.core.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultTypeAndDurationsTest {

    @Test
    void faultsAreFoundByCodeOrSlug() {
        assertThat(FaultType.fromCode("f3")).contains(FaultType.F3);
        assertThat(FaultType.fromSlug("els-sudden-failure")).contains(FaultType.F3);
        assertThat(FaultType.parse("diurnal-drift")).contains(FaultType.F19);
        assertThat(FaultType.parse("F20")).isEmpty();
        assertThat(FaultType.F3.code()).isEqualTo("F3");
        assertThat(FaultType.F8.negative()).isTrue();
        assertThat(FaultType.F3.negative()).isFalse();
    }

    @Test
    void everySlugIsUnique() {
        assertThat(java.util.Arrays.stream(FaultType.values()).map(FaultType::slug).distinct().count())
                .isEqualTo(FaultType.values().length);
    }

    @Test
    void durationsReadEveryUnitAndPlainMilliseconds() {
        assertThat(Durations.parse("500ms")).isEqualTo(500);
        assertThat(Durations.parse("30s")).isEqualTo(30_000);
        assertThat(Durations.parse("10m")).isEqualTo(600_000);
        assertThat(Durations.parse("2h")).isEqualTo(7_200_000);
        assertThat(Durations.parse("1d")).isEqualTo(86_400_000);
        assertThat(Durations.parse("1.5s")).isEqualTo(1_500);
        assertThat(Durations.parse("250")).isEqualTo(250);
        assertThat(Durations.format(600_000)).isEqualTo("10m");
        assertThat(Durations.format(1_500)).isEqualTo("1500ms");
    }

    @Test
    void aMalformedDurationSaysWhatIsAccepted() {
        assertThatThrownBy(() -> Durations.parse("ten minutes")).hasMessageContaining("30s, 10m");
        assertThatThrownBy(() -> Durations.parse("5 weeks")).hasMessageContaining("not a duration");
    }
}
