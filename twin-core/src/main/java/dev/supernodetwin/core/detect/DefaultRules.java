package dev.supernodetwin.core.detect;

import dev.supernodetwin.core.metric.Light;
import dev.supernodetwin.core.topology.EngineForm;

import java.util.ArrayList;
import java.util.List;

import static dev.supernodetwin.core.detect.Comparison.ABOVE;
import static dev.supernodetwin.core.detect.Comparison.AT_OR_ABOVE;
import static dev.supernodetwin.core.detect.Comparison.BELOW;
import static dev.supernodetwin.core.detect.Severity.ALARM;
import static dev.supernodetwin.core.detect.Severity.WARNING;
import static dev.supernodetwin.core.metric.Metric.*;
import static dev.supernodetwin.core.topology.DeviceKind.*;

/**
 * The default rules: the quick-reference rule sheet of domain §10 with the detector stacks of §6.2.
 *
 * <p>Clear levels are not on the sheet; they are set a small step inside each raise level
 * (2 °C, 0.5 dB, 5 mA, 0.3 decade of BER, 2 % of design flow) as an estimate, so that a reading
 * hovering at a limit raises once.
 */
final class DefaultRules {
    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;
    /**
     * CUSUM σ floor for optical powers, 0.2 dB: with k = 0.5σ the CUSUM never accumulates a drift
     * under 0.1 dB (engines and lasers wander that much with temperature and load), a step of 1 dB or
     * more (F4, F5, F7) is flagged on its second reading, 0.3 dB within about five. Without a floor, tens
     * of thousands of CUSUMs at h = 5 learned σ would raise false steps every second.
     */
    private static final double DB_FLOOR = 0.2;
    private static final long DAY = 86_400_000;

    private DefaultRules() {
    }

    static List<Rule> all() {
        List<Rule> r = new ArrayList<>();
        gpu(r);
        engine(r);
        laserSource(r);
        cooling(r);
        opticalSwitch(r);
        return r;
    }

    private static ThresholdSpec high(Level warning, Level alarm, Level critical) {
        return new ThresholdSpec(AT_OR_ABOVE, warning, alarm, critical, 1);
    }

    /** Light gone ({@link Light#DARK_DBM}); cleared 3 dB above it, so a flickering lane does not flap. */
    private static ThresholdSpec dark() {
        return new ThresholdSpec(BELOW, Level.NONE, Level.NONE, lv(Light.DARK_DBM, Light.DARK_DBM + 3), 1);
    }

    private static Level lv(double raise, double clear) {
        return new Level(raise, clear);
    }

    private static void gpu(List<Rule> r) {
        // G-T1 alarm ≥ 87 °C, G-T2 critical ≥ 89 °C (Hopper max-operating and slowdown); warning at
        // max-op − 5 (§1.7). Blackwell (B200) reports a T.Limit margin instead (G-T4: ≤ 10/4/0 °C);
        // the vocabulary has no margin metric yet, so these absolute values are Hopper's.
        r.add(Rule.of("G-T1", GPU, TEMP_C, high(lv(82, 80), lv(87, 85), lv(89, 87))));
        r.add(Rule.of("G-T1", GPU, TEMP_C, EwmaSpec.defaults(0.5)));
        r.add(Rule.of("G-T1", GPU, TEMP_C, HoltSpec.defaults(87, 10 * MINUTE)));
        r.add(Rule.of("G-T1", GPU, TEMP_C, PeerMadSpec.defaults(0.5)));
        // G-T3 HBM alarm ≥ 95 °C (memory max-op); warning ≥ 88 °C (§1.7, estimate).
        r.add(Rule.of("G-T3", GPU, HBM_TEMP_C, high(lv(88, 86), lv(95, 93), Level.NONE)));
        r.add(Rule.of("G-T3", GPU, HBM_TEMP_C, EwmaSpec.defaults(0.5)));
        // G-N1 any CRC → warn and G-N3 CRC ≥ 100/s → fail (one rule, one state); G-N2 replay or
        // recovery Δ ≥ 1 → fail (which G-N1's warning for them would only shadow).
        r.add(Rule.of("G-N1", GPU, NVLINK_CRC_TOTAL, new CounterRateSpec(1, WARNING, 100, ALARM, 0)));
        r.add(Rule.of("G-N2", GPU, NVLINK_REPLAY_TOTAL, CounterRateSpec.increase(1, ALARM, 0)));
        r.add(Rule.of("G-N2", GPU, NVLINK_RECOVERY_TOTAL, CounterRateSpec.increase(1, ALARM, 0)));
        // G-P1 PCIe replays > 31/min: counts are whole, so ≥ 32 in a 60 s window.
        r.add(Rule.of("G-P1", GPU, PCIE_REPLAY_TOTAL, CounterRateSpec.increase(32, WARNING, MINUTE)));
        // G-M2 uncorrectable remaps ≥ 512 → warn (a level on the counter, not a rate).
        r.add(Rule.of("G-M2", GPU, REMAP_UNCORRECTABLE_TOTAL, high(Level.at(512), Level.NONE, Level.NONE)));
        // Growing HBM row remaps towards the G-M2 level, a week ahead (F12).
        r.add(Rule.of("G-M2", GPU, REMAP_UNCORRECTABLE_TOTAL, HoltSpec.defaults(512, 7 * DAY)));
    }

    private static void engine(List<Rule> r) {
        // O-M1 module temp > 75 warn / > 80 alarm. Taken as ≥ so that one spec also carries M-1
        // (co-packaged and optical-I/O engines: ≥ 80 °C alarm); at CMIS' 1/256 °C resolution the two
        // readings differ by one quantum.
        r.add(Rule.of("O-M1", OE, TEMP_C, high(lv(75, 73), lv(80, 78), Level.NONE)));
        r.add(Rule.of("M-1", OE, TEMP_C, high(lv(75, 73), lv(80, 78), Level.NONE)).on(EngineForm.CPO));
        r.add(Rule.of("M-1", OE, TEMP_C, high(lv(75, 73), lv(80, 78), Level.NONE)).on(EngineForm.OIO));
        r.add(Rule.of("O-M1", OE, TEMP_C, EwmaSpec.defaults(0.25)));
        // O-R1 Rx power < −5.9 warn / < −9.91 alarm (DR4 CMIS), plus CUSUM on the dB deviation and a
        // lane-peer comparison (§6.2).
        r.add(Rule.of("O-R1", OE, RX_DBM, new ThresholdSpec(BELOW, lv(-5.9, -5.4), lv(-9.91, -9.41), Level.NONE, 1)));
        r.add(Rule.of("O-R1", OE, RX_DBM, CusumSpec.defaults(DB_FLOOR)));
        r.add(Rule.of("O-R1", OE, RX_DBM, PeerMadSpec.defaults(0.05)));
        // O-T1 Tx power < −2.9 warn / < −6.9 alarm; high side > 3.99 / > 6.99 dBm (§2.5).
        r.add(Rule.of("O-T1", OE, TX_DBM, new ThresholdSpec(BELOW, lv(-2.9, -2.4), lv(-6.9, -6.4), Level.NONE, 1)));
        r.add(Rule.of("O-T1", OE, TX_DBM, new ThresholdSpec(ABOVE, lv(3.99, 3.49), lv(6.99, 6.49), Level.NONE, 1)));
        r.add(Rule.of("O-T1", OE, TX_DBM, CusumSpec.defaults(DB_FLOOR)));
        // F4: light from the laser into the engine (the input-power proxy) stepping down while the
        // laser's own output holds: coupling loss at the laser's connector or fibre.
        r.add(Rule.of("F4", OE, LASER_IN_DBM, CusumSpec.defaults(DB_FLOOR)));
        // No light delivered at all needs no learned baseline: the engine's lanes lost their laser.
        r.add(Rule.of("F4", OE, LASER_IN_DBM, dark()));
        // O-B1 bias > 110 warn / > 120 alarm; O-B2 Holt time-to-110 mA under 14 days → maintenance.
        r.add(Rule.of("O-B1", OE, BIAS_MA, new ThresholdSpec(ABOVE, lv(110, 105), lv(120, 115), Level.NONE, 1)));
        r.add(Rule.of("O-B2", OE, BIAS_MA, HoltSpec.defaults(110, 14 * DAY)));
        // O-E1 pre-FEC BER ≥ 1e-5 / 1e-4 / 2.4e-4, judged in decades (log10).
        r.add(Rule.of("O-E1", OE, PRE_FEC_BER, high(lv(-5, -5.3), lv(-4, -4.3), lv(Math.log10(2.4e-4),
                Math.log10(2.4e-4) - 0.3))).with(Transform.LOG10));
        r.add(Rule.of("O-E1", OE, PRE_FEC_BER, EwmaSpec.defaults(0.05)).with(Transform.LOG10));
        // O-E2 any uncorrectable frame → alarm.
        r.add(Rule.of("O-E2", OE, FERC_TOTAL, CounterRateSpec.increase(1, ALARM, 0)));
        // Loss of signal is an alarm the moment the module asserts it (§2.5).
        r.add(Rule.of("O-LOS", OE, LOS, high(Level.NONE, Level.at(1), Level.NONE)));
        // Forecasts (issue: prediction): BER towards the FEC limit, engine towards the 80 °C ring limit
        // (F1: "Holt TTT on OE temperature to 80 °C"), ring heater towards its rail at 0 mW (it only
        // heats; at 0 it has nothing left to hold the ring on resonance).
        r.add(Rule.of("O-E1", OE, PRE_FEC_BER, HoltSpec.defaults(Math.log10(2.4e-4), HOUR)).with(Transform.LOG10));
        r.add(Rule.of("M-1", OE, TEMP_C, HoltSpec.defaults(80, 30 * MINUTE)));
        r.add(Rule.of("M-2", OE, MRM_HEATER_MW, HoltSpec.defaults(0, 30 * MINUTE)));
    }

    private static void laserSource(List<Rule> r) {
        // ELS gradual degradation (F2) shows as a slow output-power step; sudden failure (F3) as a spike.
        r.add(Rule.of("F2", ELS, OUT_DBM, CusumSpec.defaults(DB_FLOOR)));
        r.add(Rule.of("F3", ELS, OUT_DBM, EwmaSpec.defaults(0.05)));
        // A dead laser emits nothing (domain F3: power → 0): known from the first sample, before any
        // baseline is learned, so a laser dying right after start-up is still blamed on the laser.
        r.add(Rule.of("F3", ELS, OUT_DBM, dark()));
    }

    private static void cooling(List<Rule> r) {
        // C-1 supply above the ASHRAE class maximum: W32 → 32 °C.
        // Supply water has a large thermal mass and moves slowly: three readings in a row, not one noisy
        // reading at the peak of a diurnal swing (F19).
        r.add(Rule.of("C-1", CDU, SUPPLY_C, new ThresholdSpec(ABOVE, Level.NONE, lv(32, 31), Level.NONE, 3)));
        // C-2 rack ΔT (return − supply) > 12 warn / > 15 alarm (§4.2).
        r.add(Rule.of("C-2", CDU, RETURN_C, new ThresholdSpec(ABOVE, lv(12, 11), lv(15, 14), Level.NONE, 1))
                .with(Transform.MINUS_SUPPLY));
        // C-3 flow < 90 % / < 75 % of design, plus CUSUM for a persistent −10 % (§6.2).
        r.add(Rule.of("C-3", CDU, FLOW_LPM, new ThresholdSpec(BELOW, lv(0.90, 0.92), lv(0.75, 0.77), Level.NONE, 1))
                .with(Transform.FRACTION_OF_DESIGN_FLOW));
        r.add(Rule.of("C-3", CDU, FLOW_LPM, CusumSpec.defaults(0.1 / 3)).with(Transform.FRACTION_OF_DESIGN_FLOW));
        // C-4 supply − dew point < 2 °C → alarm, i.e. dew point − supply > −2 °C.
        r.add(Rule.of("C-4", CDU, DEW_POINT_C, new ThresholdSpec(ABOVE, Level.NONE, lv(-2, -3), Level.NONE, 1))
                .with(Transform.MINUS_SUPPLY));
        // C-5 leak sensor Warning (1) / Critical (2).
        r.add(Rule.of("C-5", LEAK, STATE, high(Level.at(1), Level.NONE, Level.at(2))));
        // Flow towards the C-3 alarm (§6.2: Holt on the hydraulics).
        r.add(Rule.of("C-3", CDU, FLOW_LPM, HoltSpec.defaults(0.75, HOUR)).with(Transform.FRACTION_OF_DESIGN_FLOW));
        // A cold plate's own flow stepping down (F9 flow restriction), against its learned baseline.
        r.add(Rule.of("C-6", COLDPLATE, FLOW_LPM, CusumSpec.defaults(0.1)));
    }

    private static void opticalSwitch(List<Rule> r) {
        // X-1 OCS path insertion loss > 3.2 warn / > 4.2 alarm, on the port's gain (out − in = −IL),
        // plus CUSUM for a mirror drifting by less than that (F7).
        r.add(Rule.of("X-1", OCS, OUT_DBM, new ThresholdSpec(BELOW, lv(-3.2, -3.0), lv(-4.2, -4.0), Level.NONE, 1))
                .with(Transform.MINUS_PORT_INPUT));
        r.add(Rule.of("X-1", OCS, OUT_DBM, CusumSpec.defaults(DB_FLOOR)).with(Transform.MINUS_PORT_INPUT));
    }
}
