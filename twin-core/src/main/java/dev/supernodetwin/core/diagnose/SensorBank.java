package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.detect.CounterRate;
import dev.supernodetwin.core.detect.CounterRateSpec;
import dev.supernodetwin.core.detect.Cusum;
import dev.supernodetwin.core.detect.CusumSpec;
import dev.supernodetwin.core.detect.EwmaSpec;
import dev.supernodetwin.core.detect.EwmaZScore;
import dev.supernodetwin.core.detect.HoltSpec;
import dev.supernodetwin.core.detect.HoltTrend;
import dev.supernodetwin.core.detect.PeerMadSpec;
import dev.supernodetwin.core.detect.Rule;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.detect.ThresholdSpec;
import dev.supernodetwin.core.detect.Thresholds;
import dev.supernodetwin.core.detect.Transform;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.TwinState;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.EngineForm;
import dev.supernodetwin.core.topology.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every per-sample detector of a rule set, bound to the sensors its rules apply to, and the symptom
 * level each sensor is at after its last reading.
 *
 * <p>Detectors are the primitive-array classes of {@code core.detect}, one instance per rule with one
 * slot per sensor the rule covers. A sensor's bindings (rule, slot) sit in flat arrays indexed by
 * {@code bindStart}, so a sample costs one array walk and no allocation. Peer comparisons need a
 * whole group at once and are not bound here (see {@link PeerResiduals}); Holt forecasters are fed
 * here and read by {@link Forecasts}.
 *
 * <p>Levels: {@link #WEAK} for an EWMA z-score excursion (which joins a fault but never starts one:
 * at L = 3 a fleet of sensors crosses it all the time), {@link #WARNING} for a CUSUM step or a
 * warning threshold, {@link #ALARM} and {@link #CRITICAL} from thresholds and counter rates.
 */
final class SensorBank {
    static final byte NONE = 0;
    static final byte WEAK = 1;
    static final byte WARNING = 2;
    static final byte ALARM = 3;
    static final byte CRITICAL = 4;

    private static final byte THRESHOLDS = 0;
    private static final byte CUSUM = 1;
    private static final byte EWMA = 2;
    private static final byte COUNTER = 3;
    private static final byte HOLT = 4;
    /** Forecasters learn from at most one reading per 10 s of event time per sensor (see HoltTrend). */
    static final long HOLT_MIN_INTERVAL_MS = 10_000;

    private final SensorLayout layout;
    private final Topology topo;
    private final Rule[] rules;
    private final RuleSet all;
    private final byte[] type;
    private final BadSide[] side;
    private final Transform[] transforms;
    /** Each rule's detector, in the array of its type (null where rule r is of another type): no cast per sample. */
    private final Thresholds[] thresholds;
    private final Cusum[] cusums;
    private final EwmaZScore[] ewmas;
    private final CounterRate[] counters;
    private final HoltTrend[] holts;
    private final int[][] sensorsOfRule;
    private final int[] bindStart;
    private final short[] bindRule;
    private final int[] bindSlot;
    private final byte[] level;
    /** Design flow of each CDU, from its spec or learned from its first reading. */
    private final double[] designFlow;

    SensorBank(RuleSet ruleSet, SensorLayout layout) {
        this.layout = layout;
        this.topo = layout.topology();
        List<Rule> usable = ruleSet.rules().stream().filter(r -> !(r.detector() instanceof PeerMadSpec)).toList();
        this.rules = usable.toArray(new Rule[0]);
        this.all = new RuleSet(usable);
        int n = layout.sensorCount();
        Map<String, int[]> cache = new HashMap<>();
        int[] slots = new int[rules.length];
        List<int[]> perSensor = new ArrayList<>();
        int total = 0;
        for (int s = 0; s < n; s++) {
            perSensor.add(null);
        }
        for (Device dev : topo.devices()) {
            int d = dev.index();
            DeviceKind kind = dev.kind();
            for (Metric m : kind.deviceMetrics()) {
                total += bind(layout.sensor(d, m), kind, dev.form(), m, cache, perSensor);
            }
            for (int lane = 0; lane < dev.laneCount(); lane++) {
                for (Metric m : kind.laneMetrics()) {
                    total += bind(layout.laneSensor(d, lane, m), kind, dev.form(), m, cache, perSensor);
                }
            }
        }
        bindStart = new int[n + 1];
        bindRule = new short[total];
        bindSlot = new int[total];
        int at = 0;
        List<List<Integer>> sensorLists = new ArrayList<>();
        for (int r = 0; r < rules.length; r++) {
            sensorLists.add(new ArrayList<>());
        }
        for (int s = 0; s < n; s++) {
            bindStart[s] = at;
            int[] rs = perSensor.get(s);
            if (rs != null) {
                for (int r : rs) {
                    bindRule[at] = (short) r;
                    bindSlot[at] = slots[r]++;
                    sensorLists.get(r).add(s);
                    at++;
                }
            }
        }
        bindStart[n] = at;
        type = new byte[rules.length];
        side = new BadSide[rules.length];
        transforms = new Transform[rules.length];
        thresholds = new Thresholds[rules.length];
        cusums = new Cusum[rules.length];
        ewmas = new EwmaZScore[rules.length];
        counters = new CounterRate[rules.length];
        holts = new HoltTrend[rules.length];
        sensorsOfRule = new int[rules.length][];
        for (int r = 0; r < rules.length; r++) {
            Rule rule = rules[r];
            side[r] = BadSide.of(rule.metric());
            transforms[r] = rule.transform();
            sensorsOfRule[r] = sensorLists.get(r).stream().mapToInt(Integer::intValue).toArray();
            int k = slots[r];
            Object spec = rule.detector();
            if (spec instanceof ThresholdSpec t) {
                type[r] = THRESHOLDS;
                thresholds[r] = new Thresholds(t, k);
            } else if (spec instanceof CusumSpec c) {
                type[r] = CUSUM;
                cusums[r] = new Cusum(c, k);
            } else if (spec instanceof EwmaSpec e) {
                type[r] = EWMA;
                ewmas[r] = new EwmaZScore(e, k);
            } else if (spec instanceof CounterRateSpec c) {
                type[r] = COUNTER;
                counters[r] = new CounterRate(c, k);
            } else if (spec instanceof HoltSpec h) {
                type[r] = HOLT;
                holts[r] = new HoltTrend(h, k, HOLT_MIN_INTERVAL_MS);
            } else {
                throw new IllegalStateException("no per-sensor detector for " + rule.where());
            }
        }
        level = new byte[n];
        designFlow = new double[topo.deviceCount()];
        Arrays.fill(designFlow, Double.NaN);
        for (Device dev : topo.devices()) {
            if (dev.kind() == DeviceKind.CDU) {
                designFlow[dev.index()] = dev.spec().designFlowLpm().orElse(Double.NaN);
            }
        }
    }

    private int bind(int sensor, DeviceKind kind, Optional<EngineForm> form, Metric metric, Map<String, int[]> cache,
                     List<int[]> perSensor) {
        String key = kind + "/" + form.map(Enum::name).orElse("") + "/" + metric;
        int[] rs = cache.computeIfAbsent(key, k -> {
            List<Rule> applicable = all.rulesFor(kind, form, metric);
            int[] out = new int[applicable.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = indexOf(applicable.get(i));
            }
            return out;
        });
        perSensor.set(sensor, rs.length == 0 ? null : rs);
        return rs.length;
    }

    private int indexOf(Rule r) {
        for (int i = 0; i < rules.length; i++) {
            if (rules[i] == r) {
                return i;
            }
        }
        throw new IllegalStateException("unknown rule " + r.where());
    }

    /**
     * Feeds one reading of {@code sensor} (of device {@code device}) to every detector bound to it and
     * returns the sensor's symptom level afterwards. {@code state} already holds the frame, for the
     * readings a transform refers to.
     */
    int update(int sensor, int device, long ts, double value, TwinState state) {
        int from = bindStart[sensor];
        int to = bindStart[sensor + 1];
        if (from == to) {
            return NONE;
        }
        int worst = NONE;
        for (int b = from; b < to; b++) {
            int r = bindRule[b];
            int slot = bindSlot[b];
            double x = input(r, sensor, device, value, state);
            int lv = switch (type[r]) {
                case THRESHOLDS -> {
                    int t = thresholds[r].update(slot, x);
                    yield t == 0 ? NONE : t + 1;
                }
                case CUSUM -> {
                    int dir = cusums[r].update(slot, x);
                    yield dir != 0 && (dir < 0) == (side[r] == BadSide.LOW) ? WARNING : NONE;
                }
                case EWMA -> {
                    EwmaZScore e = ewmas[r];
                    yield e.update(slot, x) && side[r].worse(x, e.mean(slot)) ? WEAK : NONE;
                }
                case COUNTER -> {
                    int c = counters[r].update(slot, ts, x);
                    yield c == 0 ? NONE : c + 1;
                }
                default -> {
                    holts[r].update(slot, ts, x);
                    yield NONE;
                }
            };
            if (lv > worst) {
                worst = lv;
            }
        }
        level[sensor] = (byte) worst;
        return worst;
    }

    private double input(int r, int sensor, int device, double value, TwinState state) {
        Transform t = transforms[r];
        if (t == Transform.RAW) {
            return value;
        }
        return switch (t) {
            case RAW -> value;
            case LOG10 -> t.apply(value, Double.NaN);
            case FRACTION_OF_DESIGN_FLOW -> {
                if (Double.isNaN(designFlow[device]) && value > 0) {
                    // No design flow in the topology: the first reading stands in for it.
                    designFlow[device] = value;
                }
                yield t.apply(value, designFlow[device]);
            }
            case MINUS_SUPPLY -> t.apply(value, state.value(layout.sensor(device, Metric.SUPPLY_C)));
            case MINUS_PORT_INPUT -> t.apply(value, state.value(sensor
                    + DeviceKind.OCS.laneSlot(Metric.IN_DBM) - DeviceKind.OCS.laneSlot(Metric.OUT_DBM)));
        };
    }

    /** The sensor's symptom level after its last reading. */
    int level(int sensor) {
        return level[sensor];
    }

    /** Number of rules bound per sample. */
    int ruleCount() {
        return rules.length;
    }

    /** Rule {@code r}. */
    Rule rule(int r) {
        return rules[r];
    }

    /** The Holt forecaster of rule {@code r}, or null when the rule is not a Holt rule. */
    HoltTrend holt(int r) {
        return holts[r];
    }

    /** The sensors rule {@code r} covers, by slot. */
    int[] sensorsOf(int r) {
        return sensorsOfRule[r];
    }

    /** The learned baseline of the first CUSUM bound to {@code sensor}, or NaN: how far a reading has moved. */
    double baseline(int sensor) {
        for (int b = bindStart[sensor]; b < bindStart[sensor + 1]; b++) {
            int r = bindRule[b];
            if (type[r] == CUSUM && rules[r].transform() == Transform.RAW) {
                Cusum c = cusums[r];
                return c.ready(bindSlot[b]) ? c.baselineMean(bindSlot[b]) : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** Bytes of detector state and bindings, for memory accounting. */
    long stateBytes() {
        long bytes = (long) bindStart.length * 4 + (long) bindRule.length * 10 + level.length;
        for (int r = 0; r < rules.length; r++) {
            bytes += switch (type[r]) {
                case THRESHOLDS -> thresholds[r].stateBytes();
                case CUSUM -> cusums[r].stateBytes();
                case EWMA -> ewmas[r].stateBytes();
                case COUNTER -> counters[r].stateBytes();
                default -> holts[r].stateBytes();
            };
        }
        return bytes;
    }
}
