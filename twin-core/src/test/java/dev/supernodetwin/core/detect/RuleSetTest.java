package dev.supernodetwin.core.detect;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.EngineForm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetTest {
    @Test
    void defaultsAreValid() {
        assertThat(RuleSet.defaults().validate()).isEmpty();
    }

    @Test
    void defaultsCarryTheRuleSheetValues() {
        RuleSet rules = RuleSet.defaults();
        ThresholdSpec gpuTemp = thresholds(rules.rulesFor(DeviceKind.GPU, Optional.empty(), Metric.TEMP_C));
        assertThat(gpuTemp.alarm().raise()).isEqualTo(87);
        assertThat(gpuTemp.critical().raise()).isEqualTo(89);
        ThresholdSpec rx = thresholds(rules.rulesFor(DeviceKind.OE, Optional.of(EngineForm.PLUGGABLE), Metric.RX_DBM));
        assertThat(rx.warning().raise()).isEqualTo(-5.9);
        assertThat(rx.alarm().raise()).isEqualTo(-9.91);
    }

    @Test
    void prefersAFormSpecificRuleOverTheGeneralOne() {
        RuleSet rules = RuleSet.defaults();
        // The M-1 forecast is for every form; only the thresholds have a form-specific variant.
        assertThat(rules.rulesFor(DeviceKind.OE, Optional.of(EngineForm.OIO), Metric.TEMP_C))
                .extracting(r -> r.id() + " " + r.detector().typeName())
                .containsExactlyInAnyOrder("M-1 thresholds", "O-M1 ewma", "M-1 holt");
        assertThat(rules.rulesFor(DeviceKind.OE, Optional.of(EngineForm.PLUGGABLE), Metric.TEMP_C))
                .extracting(r -> r.id() + " " + r.detector().typeName())
                .containsExactlyInAnyOrder("O-M1 thresholds", "O-M1 ewma", "M-1 holt");
    }

    @Test
    void listsEveryProblemWithWhereItIs() {
        RuleSet bad = new RuleSet(List.of(
                Rule.of("X-1", DeviceKind.GPU, Metric.RX_DBM, EwmaSpec.defaults(0.1)),
                Rule.of("X-2", DeviceKind.OE, Metric.BIAS_MA,
                        new ThresholdSpec(Comparison.ABOVE, new Level(110, 115), new Level(100, 95), Level.NONE, 1)),
                Rule.of("X-3", DeviceKind.GPU, Metric.TEMP_C, new EwmaSpec(1.2, Double.NaN, 5, 0.1)),
                Rule.of("X-4", DeviceKind.GPU, Metric.TEMP_C, CounterRateSpec.increase(1, 2, 0)),
                Rule.of("X-5", DeviceKind.CDU, Metric.FLOW_LPM, CusumSpec.defaults(1)).on(EngineForm.CPO),
                Rule.of("X-6", DeviceKind.GPU, Metric.TEMP_C, EwmaSpec.defaults(0.1)).with(Transform.MINUS_SUPPLY),
                Rule.of("X-7", DeviceKind.GPU, Metric.HBM_TEMP_C, EwmaSpec.defaults(0.1)),
                Rule.of("X-8", DeviceKind.GPU, Metric.HBM_TEMP_C, EwmaSpec.defaults(0.2))));

        List<RuleProblem> problems = bad.validate();

        assertThat(problems).extracting(RuleProblem::toString).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("rules[0] X-1 gpu rx_dbm").contains("not reported by kind gpu"),
                p -> assertThat(p).startsWith("rules[1] X-2").contains("warning: clear 115.0"),
                p -> assertThat(p).startsWith("rules[1] X-2").contains("alarm: raise 100.0 is less severe"),
                p -> assertThat(p).startsWith("rules[2] X-3").contains("lambda must be in (0, 1]"),
                p -> assertThat(p).startsWith("rules[2] X-3").contains("limit must be a positive finite"),
                p -> assertThat(p).startsWith("rules[3] X-4").contains("counter_rate does not apply to gauge"),
                p -> assertThat(p).startsWith("rules[4] X-5 cdu/cpo").contains("form applies to oe rules only"),
                p -> assertThat(p).startsWith("rules[5] X-6").contains("minus_supply applies to cdu"),
                p -> assertThat(p).startsWith("rules[7] X-8").contains("same kind, form, metric"));
    }

    @Test
    void overridesReplaceTheRuleWithTheSameKeyAndAddOthers() {
        RuleSet defaults = RuleSet.defaults();
        Rule hotter = Rule.of("G-T1", DeviceKind.GPU, Metric.TEMP_C, ThresholdSpec.above(Comparison.AT_OR_ABOVE,
                85, 90, 92));
        Rule extra = Rule.of("site-1", DeviceKind.SWITCH, Metric.TEMP_C, EwmaSpec.defaults(0.5));

        RuleSet merged = defaults.withOverrides(List.of(hotter, extra));

        assertThat(merged.rules()).hasSize(defaults.rules().size() + 1);
        assertThat(thresholds(merged.rulesFor(DeviceKind.GPU, Optional.empty(), Metric.TEMP_C)).alarm().raise())
                .isEqualTo(90);
        assertThat(merged.without(Set.of(extra.key())).rules()).hasSize(defaults.rules().size());
    }

    private static ThresholdSpec thresholds(List<Rule> rules) {
        return rules.stream().map(Rule::detector).filter(ThresholdSpec.class::isInstance)
                .map(ThresholdSpec.class::cast).findFirst().orElseThrow();
    }
}
