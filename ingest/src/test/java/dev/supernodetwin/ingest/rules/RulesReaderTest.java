package dev.supernodetwin.ingest.rules;

import dev.supernodetwin.core.detect.CounterRateSpec;
import dev.supernodetwin.core.detect.EwmaSpec;
import dev.supernodetwin.core.detect.Rule;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.detect.Severity;
import dev.supernodetwin.core.detect.ThresholdSpec;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.EngineForm;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

class RulesReaderTest {
    private final RulesReader reader = new RulesReader();

    private RuleSet yaml(String text) {
        return reader.parse(text, true, "test.yaml");
    }

    @Test
    void theExampleFileRestatesExactlyTheDefaults() {
        RuleSet read = reader.read(Path.of("../rules/default-rules.yaml"));
        assertThat(read.rules()).isEqualTo(RuleSet.defaults().rules());
    }

    @Test
    void anEmptyListKeepsTheDefaults() {
        assertThat(yaml("rules: []").rules()).isEqualTo(RuleSet.defaults().rules());
    }

    @Test
    void overridesTheDefaultWithTheSameKindMetricAndDetector() {
        RuleSet rules = yaml("""
                rules:
                  - id: G-T1
                    kind: gpu
                    metric: temp_c
                    thresholds:
                      comparison: at_or_above
                      alarm: {raise: 85, clear: 83}
                      critical: {raise: 88}
                      dwell: 2
                """);
        List<Rule> gpuTemp = rules.rulesFor(DeviceKind.GPU, Optional.empty(), Metric.TEMP_C);
        ThresholdSpec t = (ThresholdSpec) gpuTemp.stream().filter(r -> r.detector() instanceof ThresholdSpec)
                .findFirst().orElseThrow().detector();
        assertThat(t.warning().used()).isFalse();
        assertThat(t.alarm().raise()).isEqualTo(85);
        assertThat(t.critical().clear()).isEqualTo(88);
        assertThat(t.dwell()).isEqualTo(2);
        assertThat(rules.rules()).hasSameSizeAs(RuleSet.defaults().rules());
    }

    @Test
    void addsFormSpecificRulesAndFillsParameterDefaults() {
        RuleSet rules = yaml("""
                rules:
                  - {id: site-7, kind: oe, form: npo, metric: esnr_db, ewma: {min_sigma: 0.1}}
                  - {id: G-N3, kind: gpu, metric: nvlink_crc_total,
                     counter_rate: {rate_per_second: 50, rate_severity: critical, window: 10s}}
                """);
        assertThat(rules.rulesFor(DeviceKind.OE, Optional.of(EngineForm.NPO), Metric.ESNR_DB))
                .singleElement().extracting(Rule::detector).isEqualTo(new EwmaSpec(0.2, 3, 20, 0.1));
        assertThat(rules.rulesFor(DeviceKind.OE, Optional.of(EngineForm.CPO), Metric.ESNR_DB)).isEmpty();
        assertThat(rules.rulesFor(DeviceKind.GPU, Optional.empty(), Metric.NVLINK_CRC_TOTAL))
                .singleElement().extracting(Rule::detector).isEqualTo(new CounterRateSpec(
                        Double.POSITIVE_INFINITY, Severity.CRITICAL, 50, Severity.CRITICAL, 10_000));
    }

    @Test
    void dropsADefaultThatIsDisabled() {
        RuleSet rules = yaml("""
                rules:
                  - {id: O-R1, kind: oe, metric: rx_dbm, enabled: false, peer_mad: {min_mad: 0.05}}
                """);
        assertThat(rules.rulesFor(DeviceKind.OE, Optional.empty(), Metric.RX_DBM))
                .extracting(r -> r.detector().typeName()).containsExactlyInAnyOrder("thresholds", "cusum");
    }

    @Test
    void listsEveryProblemWithItsPath() {
        String text = """
                rules:
                  - {id: A, kind: gpu, metric: temp_c, ewma: {lambda: 1.5, min_sigma: 0.5}}
                  - {id: B, kind: toaster, metric: temp_c, ewma: {min_sigma: 1}}
                  - {id: C, kind: gpu, metric: tempc, cusum: {min_sigma: 1}}
                  - {id: D, kind: gpu, metric: rx_dbm, cusum: {min_sigma: 1}}
                  - {id: E, kind: oe, metric: bias_ma, thresholds: {comparison: above, warning: {raise: 110, clear: 115}}}
                  - {id: F, kind: gpu, metric: temp_c, ewma: {min_sigma: 1}, cusum: {min_sigma: 1}}
                  - {id: G, kind: gpu, metric: hbm_temp_c, holt: {target: 95}, colour: red}
                  - {id: H, kind: gpu, metric: temp_c, ewma: {min_sigma: 0.5}}
                  - {id: I, kind: cdu, metric: flow_lpm, transform: sqrt, cusum: {min_sigma: -1}}
                """;
        assertThatThrownBy(() -> yaml(text))
                .isInstanceOf(InvalidRulesException.class)
                .extracting(e -> ((InvalidRulesException) e).problems(), list(String.class))
                .satisfiesExactly(
                        p -> assertThat(p).startsWith("rules[0]: ewma: lambda must be in (0, 1]"),
                        p -> assertThat(p).isEqualTo("rules[1].kind: unknown 'toaster'"),
                        p -> assertThat(p).isEqualTo("rules[2].metric: unknown 'tempc'"),
                        p -> assertThat(p).isEqualTo("rules[3]: metric rx_dbm is not reported by kind gpu"),
                        p -> assertThat(p).startsWith("rules[4]: thresholds: warning: clear 115.0"),
                        p -> assertThat(p).startsWith("rules[5]: needs exactly one detector").endsWith("has ewma, cusum"),
                        p -> assertThat(p).startsWith("rules[6].colour: unknown key"),
                        p -> assertThat(p).isEqualTo("rules[6].holt.horizon: missing"),
                        p -> assertThat(p).isEqualTo("rules[7]: same kind, form, metric, transform and detector as rules[0]"),
                        p -> assertThat(p).startsWith("rules[8].transform: unknown 'sqrt'"),
                        p -> assertThat(p).startsWith("rules[8]: cusum: minSigma must be positive and finite, was -1.0"));
    }

    @Test
    void reportsAFileThatIsNotYaml() {
        assertThatThrownBy(() -> yaml("rules: [ {"))
                .isInstanceOf(InvalidRulesException.class).hasMessageContaining("not valid YAML");
    }
}
