package dev.supernodetwin.core.detect;

import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DetectorFootprintTest {
    private static final int SLOTS = 1000;

    /** Sums the bytes of every per-slot primitive array of {@code detector}, read back by reflection. */
    private static long arrayBytes(Object detector) throws IllegalAccessException {
        long bytes = 0;
        for (Field f : detector.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || !f.getType().isArray()) {
                continue;
            }
            f.setAccessible(true);
            Object array = f.get(detector);
            int length = java.lang.reflect.Array.getLength(array);
            if (length == 0 || length % SLOTS != 0) {
                continue; // fixed-size parameter tables, not per-slot state (which may be interleaved)
            }
            Class<?> c = f.getType().getComponentType();
            bytes += (long) length * (c == double.class || c == long.class ? 8
                    : c == float.class || c == int.class ? 4 : c == short.class ? 2 : 1);
        }
        return bytes;
    }

    @Test
    void declaredBytesPerSlotMatchTheArraysTheDetectorsAllocate() throws Exception {
        Map<Object, Integer> detectors = Map.of(
                new Thresholds(ThresholdSpec.above(Comparison.ABOVE, 1, 2, 3), SLOTS), Thresholds.BYTES_PER_SLOT,
                new EwmaZScore(EwmaSpec.defaults(0.1), SLOTS), EwmaZScore.BYTES_PER_SLOT,
                new Cusum(CusumSpec.defaults(0.1), SLOTS), Cusum.BYTES_PER_SLOT,
                new CounterRate(CounterRateSpec.increase(1, 2, 0), SLOTS), CounterRate.BYTES_PER_SLOT,
                new HoltTrend(HoltSpec.defaults(1, 1), SLOTS), HoltTrend.BYTES_PER_SLOT);
        for (var e : detectors.entrySet()) {
            assertThat(arrayBytes(e.getKey())).as(e.getKey().getClass().getSimpleName())
                    .isEqualTo((long) e.getValue() * SLOTS);
        }
    }

    @Test
    void defaultRulesFitTheBudgetOnTheOio1024Preset() {
        SensorLayout layout = new SensorLayout(Topology.of(Presets.expand("oio-1024", "sn01")));
        DetectorFootprint footprint = DetectorFootprint.of(layout, RuleSet.defaults());
        // performance.md §4.3: 64 B per sensor in all, of which the twin state takes 16 B.
        assertThat(footprint.bytesPerSensor()).isLessThanOrEqualTo(64 - 16);
        assertThat(footprint.maxSensorBytes()).isLessThanOrEqualTo(64 - 16);
        assertThat(footprint.slots().get(DetectorFootprint.TYPES.indexOf("cusum"))).isPositive();
    }
}
