package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.alert.AlertEvent.State;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.fixtures.LoopTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.LaneRef;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.twin.Twin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A twin with a {@link DetectionEngine} over {@link LoopTopology}, fed with synthetic traces on fake
 * event time: at every tick each device sends one frame with its {@link HealthyPlant} readings plus
 * seeded Gaussian noise, and a test changes chosen sensors from chosen ticks on. The alert events are
 * collected in order.
 *
 * <p>Tick {@code t} is at event time {@link #START} + t · period. Detection is evaluated at the first
 * frame of a tick for everything before it, so an alert about tick {@code t} needs tick {@code t + 1}
 * to have been sent.
 */
final class DetectionRig {
    static final long START = 1_763_924_400_000L;
    /** Ticks of healthy readings before any fault: every CUSUM baseline (30 samples) is learned by then. */
    static final int WARM_UP = 60;
    /** An end tick for a change that lasts to the end of the run. */
    static final int FOREVER = Integer.MAX_VALUE;
    /** No light at all: below any receiver's sensitivity (the simulator's dark reading). */
    static final double DARK_DBM = -40;

    /** How a sensor reads while a change is in force. */
    @FunctionalInterface
    interface Signal {
        /** The reading at {@code tick}, given what it would read otherwise (healthy value and noise). */
        double at(int tick, double otherwise);
    }

    private record Change(int from, int until, Signal signal) {
    }

    final Topology topo;
    final SensorLayout layout;
    final long periodMs;
    private final Twin twin;
    private final HealthyPlant plant;
    private final Random random;
    private final List<List<Change>> changes = new ArrayList<>();
    private final List<AlertEvent> alerts = new ArrayList<>();
    private final FrameBuffer frame = new FrameBuffer(128);
    private int tick;

    DetectionRig(long periodMs, long seed) {
        this(periodMs, seed, DetectionSettings.defaults());
    }

    DetectionRig(long periodMs, long seed, DetectionSettings settings) {
        this.topo = Topology.of(LoopTopology.document());
        this.layout = new SensorLayout(topo);
        this.periodMs = periodMs;
        this.twin = new Twin(layout, StalenessPolicy.DEFAULT);
        this.plant = new HealthyPlant(layout, LoopTopology.DESIGN_FLOW_LPM);
        this.random = new Random(seed);
        for (int s = 0; s < layout.sensorCount(); s++) {
            changes.add(new ArrayList<>());
        }
        twin.addListener(new DetectionEngine(twin.state(), RuleSet.defaults(), settings, alerts::add));
    }

    /** The sensor of {@code metric} on {@code "DEVICE"} or {@code "DEVICE#LANE"}. */
    int sensor(String where, Metric metric) {
        int hash = where.indexOf('#');
        int s = hash < 0 ? layout.sensor(topo.indexOf(where).orElseThrow(), metric)
                : layout.laneSensor(topo.lane(where).orElseThrow(), metric);
        if (s < 0) {
            throw new IllegalArgumentException(where + " does not report " + metric);
        }
        return s;
    }

    /** Event time of {@code tick}. */
    long time(int tick) {
        return START + tick * periodMs;
    }

    /**
     * From tick {@code from} (inclusive) to {@code until} (exclusive) the sensor reads {@code signal};
     * NaN means it reports nothing. Changes to one sensor apply in the order given, each to the reading
     * the earlier ones left.
     */
    DetectionRig change(String where, Metric metric, int from, int until, Signal signal) {
        int s = sensor(where, metric);
        changes.get(s).add(new Change(from, until, signal));
        return this;
    }

    /** From tick {@code from} on, the sensor reads {@code delta} more than it otherwise would. */
    DetectionRig shift(String where, Metric metric, int from, double delta) {
        return change(where, metric, from, FOREVER, (t, v) -> v + delta);
    }

    /** From {@code from} to {@code until} (exclusive) the sensor reads exactly {@code value}. */
    DetectionRig hold(String where, Metric metric, int from, int until, double value) {
        return change(where, metric, from, until, (t, v) -> value);
    }

    /** A receiver with no light from {@code from} to {@code until}: LOS asserted, link down, BER at its ceiling. */
    DetectionRig darkReceiver(String lane, int from, int until) {
        return hold(lane, Metric.RX_DBM, from, until, DARK_DBM).hold(lane, Metric.LOS, from, until, 1)
                .hold(lane, Metric.LINK_UP, from, until, 0).hold(lane, Metric.PRE_FEC_BER, from, until, 0.5)
                .hold(lane, Metric.ESNR_DB, from, until, HealthyPlant.esnr(0.5));
    }

    /** The engine lane at the other end of {@code lane}'s link. */
    String farEnd(String lane) {
        int l = topo.lane(lane).orElseThrow();
        return topo.laneName(topo.linkOf(l).orElseThrow().otherEnd(l));
    }

    /** The lanes and, after them, the lanes at the other end of their links. */
    List<String> withFarEnds(List<String> lanes) {
        List<String> out = new ArrayList<>(lanes);
        for (String lane : lanes) {
            out.add(farEnd(lane));
        }
        return out;
    }

    /** The engine lanes a laser lights. */
    List<String> litBy(String laser) {
        IntSeq lanes = topo.litBy(topo.lane(laser).orElseThrow());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            out.add(topo.laneName(lanes.get(i)));
        }
        return out;
    }

    /** Every lane of a device. */
    List<String> lanesOf(String device) {
        int d = topo.indexOf(device).orElseThrow();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < topo.device(d).laneCount(); i++) {
            out.add(topo.laneName(topo.lane(d, i)));
        }
        return out;
    }

    /** Sends every tick up to {@code end} (exclusive). */
    DetectionRig runTo(int end) {
        for (; tick < end; tick++) {
            sendTick(tick);
        }
        return this;
    }

    private void sendTick(int t) {
        long ts = time(t);
        for (int d = 0; d < topo.deviceCount(); d++) {
            frame.begin(d, ts);
            frame.seq(t);
            int base = layout.base(d);
            for (int s = base, end = base + layout.sensorsOf(d); s < end; s++) {
                double v = reading(s, t);
                if (!Double.isNaN(v)) {
                    frame.add(s, v);
                }
            }
            twin.apply(frame);
        }
    }

    private double reading(int s, int t) {
        double nominal = plant.value[s];
        if (Double.isNaN(nominal)) {
            return Double.NaN;
        }
        double z = random.nextGaussian();
        double v = layout.metricOf(s) == Metric.PRE_FEC_BER ? nominal * Math.pow(10, plant.sigma[s] * z)
                : nominal + plant.sigma[s] * z;
        for (Change c : changes.get(s)) {
            if (t >= c.from && t < c.until) {
                v = c.signal.at(t, v);
            }
        }
        return v;
    }

    /** Every alert event so far, in order. */
    List<AlertEvent> events() {
        return List.copyOf(alerts);
    }

    /** The distinct alerts so far: the first event of each id. */
    List<AlertEvent> alerts() {
        List<AlertEvent> first = new ArrayList<>();
        for (AlertEvent e : alerts) {
            if (first.stream().noneMatch(f -> f.id().equals(e.id()))) {
                first.add(e);
            }
        }
        return first;
    }

    /**
     * The one alert raised so far; fails, listing every event, when there is none or more than one.
     */
    AlertEvent onlyAlert() {
        List<AlertEvent> distinct = alerts();
        assertThat(distinct).as("alerts raised: %s", describe()).hasSize(1);
        return latest(distinct.get(0).id());
    }

    /**
     * The one alert raised so far, checked to be an anomaly of {@code category} under {@code rule}
     * blaming {@code root}: a device, or a lane as {@code DEVICE#LANE}.
     */
    AlertEvent onlyAnomaly(String root, Category category, String rule) {
        AlertEvent alert = onlyAlert();
        Optional<LaneRef> lane = LaneRef.parse(root);
        assertThat(alert.rootCause().device()).as(describe()).isEqualTo(lane.map(LaneRef::device).orElse(root));
        if (lane.isPresent()) {
            assertThat(alert.rootCause().lane()).as(describe()).hasValue(lane.get().index());
        } else {
            assertThat(alert.rootCause().lane()).as(describe()).isEmpty();
        }
        assertThat(alert.category()).as(describe()).isEqualTo(category);
        assertThat(alert.rule()).as(describe()).isEqualTo(rule);
        assertThat(alert.kind()).as(describe()).isEqualTo(AlertEvent.Kind.ANOMALY);
        return alert;
    }

    /** Asserts that the first alert event came at most {@code samples} ticks after tick {@code onset}. */
    void assertReportedWithin(int onset, int samples) {
        assertThat(firstReported()).as(describe()).isBetween(time(onset), time(onset + samples));
    }

    /** Event time of the first alert event: when the fault was first reported. */
    long firstReported() {
        assertThat(alerts).as("alert events").isNotEmpty();
        return alerts.get(0).ts();
    }

    /** Every event, one per line, for failure messages. */
    String describe() {
        StringBuilder out = new StringBuilder();
        for (AlertEvent e : alerts) {
            out.append("\n  ").append(e.state()).append(' ').append(e.kind()).append(" at tick ")
                    .append((e.ts() - START) / periodMs).append(": ").append(e.rule()).append(" on ")
                    .append(e.rootCause().device()).append(e.rootCause().lane().isPresent()
                            ? "#" + e.rootCause().lane().getAsInt() : "")
                    .append(" affected ").append(e.affected()).append(" — ").append(e.rootCause().reason());
        }
        return out.length() == 0 ? "none" : out.toString();
    }

    /**
     * Firing events that repeat the previous firing event of the same alert without news: the same
     * severity, kind and affected list and, for a prediction, the same eta (an anomaly shows none).
     */
    List<AlertEvent> resendsWithoutNews() {
        List<AlertEvent> out = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            AlertEvent e = alerts.get(i);
            AlertEvent before = null;
            for (int j = i - 1; j >= 0 && before == null && e.state() == State.FIRING; j--) {
                before = alerts.get(j).id().equals(e.id()) ? alerts.get(j) : null;
            }
            if (before != null && before.severity() == e.severity() && before.kind() == e.kind()
                    && before.affected().equals(e.affected()) && before.eta().equals(e.eta())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The latest firing event of alert {@code id}: what the alert says now. */
    AlertEvent latest(String id) {
        AlertEvent last = null;
        for (AlertEvent e : alerts) {
            if (e.id().equals(id) && e.state() == State.FIRING) {
                last = e;
            }
        }
        if (last == null) {
            throw new IllegalArgumentException("no firing alert " + id);
        }
        return last;
    }
}
