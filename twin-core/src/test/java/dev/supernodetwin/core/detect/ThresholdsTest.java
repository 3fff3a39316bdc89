package dev.supernodetwin.core.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdsTest {
    /** GPU temperature: warning 82 (clear 80), alarm 87 (clear 85), critical 89 (clear 87). */
    private static final ThresholdSpec GPU_TEMP = new ThresholdSpec(Comparison.AT_OR_ABOVE,
            new Level(82, 80), new Level(87, 85), new Level(89, 87), 1);

    private static List<Integer> run(Thresholds t, int slot, double... values) {
        List<Integer> levels = new ArrayList<>();
        for (double v : values) {
            levels.add(t.update(slot, v));
        }
        return levels;
    }

    @Test
    void raisesEachLevelAndClearsOnlyPastTheClearValue() {
        Thresholds t = new Thresholds(GPU_TEMP, 2);
        assertThat(run(t, 0, 70, 82, 86, 87, 89, 88, 87, 86.9, 84.9, 80, 79.9))
                .containsExactly(0, 1, 1, 2, 3, 3, 3, 2, 1, 1, 0);
        assertThat(t.level(1)).isZero();
    }

    @Test
    void doesNotFlapWhenTheValueOscillatesBetweenClearAndRaise() {
        Thresholds t = new Thresholds(GPU_TEMP, 1);
        t.update(0, 87.5);
        int changes = 0;
        for (int i = 0; i < 50; i++) {
            t.update(0, i % 2 == 0 ? 85.5 : 87.2);
            changes += t.changed() ? 1 : 0;
        }
        assertThat(changes).isZero();
        assertThat(t.level(0)).isEqualTo(Severity.ALARM);
    }

    @Test
    void reportsChangeOnlyOnTheSampleThatChangedTheLevel() {
        Thresholds t = new Thresholds(GPU_TEMP, 1);
        t.update(0, 90);
        assertThat(t.changed()).isTrue();
        t.update(0, 90);
        assertThat(t.changed()).isFalse();
    }

    @Test
    void waitsForTheDwellBeforeRaising() {
        Thresholds t = new Thresholds(GPU_TEMP.withDwell(3), 1);
        assertThat(run(t, 0, 88, 88, 70, 88, 88, 88)).containsExactly(0, 0, 0, 0, 0, 2);
    }

    @Test
    void handlesLowSideThresholdsForReceivedPower() {
        ThresholdSpec rx = new ThresholdSpec(Comparison.BELOW, new Level(-5.9, -5.4), new Level(-9.91, -9.4),
                Level.NONE, 1);
        Thresholds t = new Thresholds(rx, 1);
        assertThat(run(t, 0, -3, -6, -10, -9.5, -9.3, -5.5, -5.3)).containsExactly(0, 1, 2, 2, 1, 1, 0);
    }

    @Test
    void treatsLeakStatesAsWarningAndCriticalWithoutHysteresis() {
        Thresholds t = new Thresholds(new ThresholdSpec(Comparison.AT_OR_ABOVE, Level.at(1), Level.NONE,
                Level.at(2), 1), 1);
        assertThat(run(t, 0, 0, 1, 2, 1, 0)).containsExactly(0, 1, 3, 1, 0);
    }

    @Test
    void ignoresMissingReadings() {
        Thresholds t = new Thresholds(GPU_TEMP, 1);
        t.update(0, 88);
        assertThat(t.update(0, Double.NaN)).isEqualTo(Severity.ALARM);
        assertThat(t.changed()).isFalse();
    }

    @Test
    void refusesASpecWhoseClearIsOnTheWrongSide() {
        ThresholdSpec bad = new ThresholdSpec(Comparison.ABOVE, new Level(75, 77), Level.NONE, Level.NONE, 1);
        assertThat(bad.problems()).singleElement().asString().contains("warning: clear 77.0");
        assertThatThrownBy(() -> new Thresholds(bad, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
