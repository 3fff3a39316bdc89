package dev.supernodetwin.core.detect;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TransformTest {
    @Test
    void judgesBerInDecadesAndKeepsAZeroBerFinite() {
        assertThat(Transform.LOG10.apply(2.4e-4, Double.NaN)).isCloseTo(-3.62, within(0.01));
        assertThat(Transform.LOG10.apply(0, Double.NaN)).isEqualTo(-20.0);
        assertThat(Transform.LOG10.apply(Double.NaN, Double.NaN)).isNaN();
    }

    @Test
    void expressesFlowAsAFractionOfDesignAndNeedsADesignFlow() {
        assertThat(Transform.FRACTION_OF_DESIGN_FLOW.apply(270, 300)).isCloseTo(0.9, within(1e-12));
        assertThat(Transform.FRACTION_OF_DESIGN_FLOW.apply(270, Double.NaN)).isNaN();
        assertThat(Transform.FRACTION_OF_DESIGN_FLOW.apply(270, 0)).isNaN();
    }

    @Test
    void givesRackDeltaTAgainstSupply() {
        assertThat(Transform.MINUS_SUPPLY.apply(45, 32)).isEqualTo(13.0);
    }

    @Test
    void saysWhereATransformDoesNotApply() {
        assertThat(Transform.FRACTION_OF_DESIGN_FLOW.misuse(DeviceKind.COLDPLATE, Metric.FLOW_LPM)).isNotEmpty();
        assertThat(Transform.MINUS_SUPPLY.misuse(DeviceKind.CDU, Metric.RETURN_C)).isEmpty();
        assertThat(Transform.LOG10.misuse(DeviceKind.OE, Metric.RX_DBM)).isNotEmpty();
    }
}
