package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Light;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.TwinState;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Link;
import dev.supernodetwin.core.topology.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The twin's detection: every frame the twin applies goes through plausibility checks and the rule
 * set's detectors; at every evaluation boundary of event time the symptoms are localised to root
 * causes over the topology ({@link RootCauseAnalyzer}), forecasts are attached, and
 * {@link AlertTracker} turns the result into alert events.
 *
 * <p>Everything runs on event time and in frame order, never on the wall clock, so a live run and a
 * replay of the same frames raise the same alerts at the same timestamps. An evaluation at a boundary
 * is triggered by the first frame at or past it and covers every frame before that one; its alerts
 * carry the event time of the last frame covered. Nothing is evaluated on idle, since when a source
 * goes idle depends on the wall clock.
 *
 * <p>Runs on the twin's writer thread (a {@link dev.supernodetwin.core.twin.FrameListener}); not
 * thread-safe.
 */
public final class DetectionEngine implements dev.supernodetwin.core.twin.FrameListener {
    /**
     * An ageing rate is believed at ten times its standard error: the eta it gives is then good to about
     * a tenth of the time left, and an early, noisy first estimate is not what an SRE plans a swap by.
     */
    private static final double LASER_MIN_T_STAT = 10;

    private final SensorLayout layout;
    private final Topology topo;
    private final TwinState state;
    private final DetectionSettings settings;
    private final SensorBank bank;
    private final Plausibility plausibility;
    private final PeerResiduals peers;
    private final LaserAgeing ageing;
    /** Global lane of each laser (ELS lane), and the reverse: the ageing slot of a lane, or −1. */
    private final int[] lasers;
    private final int[] laserIndex;
    /** What a sensor needs beyond its detectors; see {@link Roles}. */
    private final byte[] roles;
    private final Forecasts forecasts;
    private final AlertTracker tracker;
    private final BitSet active;
    private final long[] switchingUntil;
    private final long[] deviceLast;
    private final Map<Integer, String> implausible = new LinkedHashMap<>();
    private Map<Integer, String> stale = new LinkedHashMap<>();
    private long watermark = Long.MIN_VALUE;
    /** True while a rebuilt frame is judged: its alert events are restored, not reported. */
    private boolean restoring;
    private long nextEvaluation = Long.MIN_VALUE;
    private long nextStaleScan = Long.MIN_VALUE;
    private long evaluations;
    private long nextForecastScan = Long.MIN_VALUE;
    /** The forecasts of the last scan, attached at every evaluation until the next scan. */
    private List<Forecasts.Forecast> predicted = List.of();

    /**
     * An engine for the twin whose state is {@code state}, reporting to {@code sink}.
     *
     * @throws IllegalArgumentException when the rules have problems (each listed)
     */
    public DetectionEngine(TwinState state, RuleSet rules, DetectionSettings settings, AlertSink sink) {
        var problems = rules.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the detection rules have problems: " + problems);
        }
        this.state = state;
        this.layout = state.layout();
        this.topo = layout.topology();
        this.settings = settings;
        this.bank = new SensorBank(rules, layout);
        this.plausibility = new Plausibility(layout);
        this.peers = new PeerResiduals(layout);
        this.lasers = lasers(topo);
        this.laserIndex = new int[topo.laneCount()];
        Arrays.fill(laserIndex, -1);
        for (int i = 0; i < lasers.length; i++) {
            laserIndex[lasers[i]] = i;
        }
        this.ageing = new LaserAgeing(lasers.length, settings.eolBiasRise(), settings.laserTempCoefficient(),
                LASER_MIN_T_STAT);
        this.roles = Roles.of(layout);
        this.forecasts = new Forecasts(bank, settings.minConfidence(),
                (int) Math.max(1, (settings.forecastHoldMs() + SensorBank.HOLT_MIN_INTERVAL_MS - 1)
                        / SensorBank.HOLT_MIN_INTERVAL_MS));
        this.tracker = new AlertTracker(topo.supernode(), settings.resolveAfterMs(), e -> {
            if (restoring) {
                sink.onRestored(e);
            } else {
                sink.onAlert(e);
            }
        });
        this.active = new BitSet(layout.sensorCount());
        this.switchingUntil = new long[topo.laneCount()];
        Arrays.fill(switchingUntil, Long.MIN_VALUE);
        this.deviceLast = new long[topo.deviceCount()];
        Arrays.fill(deviceLast, Long.MIN_VALUE);
    }

    /**
     * Judges a frame an earlier owner already judged: baselines and open alerts come out as they would
     * have, and the alert events go to {@link AlertSink#onRestored} instead of being reported again.
     */
    @Override
    public void onRebuild(FrameBuffer frame) {
        restoring = true;
        try {
            onFrame(frame);
        } finally {
            restoring = false;
        }
    }

    @Override
    public void onFrame(FrameBuffer frame) {
        long ts = frame.timestamp();
        if (nextEvaluation == Long.MIN_VALUE) {
            nextEvaluation = boundaryAfter(ts);
        } else if (ts >= nextEvaluation) {
            evaluate(watermark);
            nextEvaluation = boundaryAfter(ts);
        }
        int d = frame.device();
        Device dev = topo.device(d);
        DeviceKind kind = dev.kind();
        int base = layout.base(d);
        int deviceMetrics = kind.deviceMetrics().size();
        int laneMetrics = kind.laneMetrics().size();
        if (kind == DeviceKind.OCS) {
            markSwitching(frame, d, base, deviceMetrics, laneMetrics, ts);
        }
        for (int i = 0, n = frame.size(); i < n; i++) {
            int s = frame.sensor(i);
            double v = frame.value(i);
            byte role = roles[s];
            if (role != Roles.PLAIN) {
                int offset = s - base;
                if (role == Roles.PORT
                        && switchingUntil[topo.lane(d, (offset - deviceMetrics) / laneMetrics)] >= ts) {
                    // A port in a planned reconfiguration measures the switch-over, not the mirror.
                    continue;
                }
                if (role == Roles.CHECKED) {
                    Metric m = offset < deviceMetrics ? kind.deviceMetrics().get(offset)
                            : kind.laneMetrics().get((offset - deviceMetrics) % laneMetrics);
                    String wrong = plausibility.contradiction(s, d, kind, m, v, state);
                    if (wrong != null) {
                        implausible.put(s, wrong);
                        continue;
                    }
                    if (!implausible.isEmpty()) {
                        implausible.remove(s);
                    }
                }
            }
            int lv = bank.update(s, d, ts, v, state);
            if (lv >= SensorBank.WARNING) {
                active.set(s);
            } else if (active.get(s)) {
                active.clear(s);
            }
        }
        if (kind == DeviceKind.ELS) {
            for (int lane = 0; lane < dev.laneCount(); lane++) {
                int bias = layout.laneSensor(d, lane, Metric.BIAS_MA);
                if (state.time(bias) == ts) {
                    ageing.update(laserIndex[topo.lane(d, lane)], ts, state.value(bias),
                            state.value(layout.laneSensor(d, lane, Metric.LASER_TEMP_C)));
                }
            }
        }
        deviceLast[d] = Math.max(deviceLast[d], ts);
        watermark = Math.max(watermark, ts);
    }

    /** Notes the ports of an OCS frame that report switching, before any of the frame is judged. */
    private void markSwitching(FrameBuffer frame, int d, int base, int deviceMetrics, int laneMetrics, long ts) {
        int slot = DeviceKind.OCS.laneSlot(Metric.SWITCHING);
        for (int i = 0, n = frame.size(); i < n; i++) {
            int offset = frame.sensor(i) - base;
            if (offset >= deviceMetrics && (offset - deviceMetrics) % laneMetrics == slot && frame.value(i) >= 1) {
                switchingUntil[topo.lane(d, (offset - deviceMetrics) / laneMetrics)] = ts + settings.switchingGraceMs();
            }
        }
    }

    private static int[] lasers(Topology topo) {
        List<Integer> out = new ArrayList<>();
        for (int els : topo.devicesOfKind(DeviceKind.ELS).toArray()) {
            for (int lane = 0; lane < topo.device(els).laneCount(); lane++) {
                out.add(topo.lane(els, lane));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private long boundaryAfter(long ts) {
        return (Math.floorDiv(ts, settings.evaluationMs()) + 1) * settings.evaluationMs();
    }

    /** Evaluations run so far. */
    public long evaluations() {
        return evaluations;
    }

    /** Alerts firing now. */
    public int firing() {
        return tracker.firing();
    }

    /** Bytes of detection state, for memory accounting. */
    public long stateBytes() {
        return bank.stateBytes() + peers.stateBytes() + ageing.stateBytes() + switchingUntil.length * 8L
                + deviceLast.length * 8L + active.size() / 8 + roles.length + laserIndex.length * 4L
                + lasers.length * 4L;
    }

    private void evaluate(long now) {
        evaluations++;
        if (now >= nextStaleScan) {
            scanStale(now);
            nextStaleScan = now + settings.staleScanMs();
        }
        peers.update(state);
        Symptoms sy = collect(now);
        if (now >= nextForecastScan) {
            // Forecasters learn at most every HOLT_MIN_INTERVAL_MS; scanning them more often finds nothing new.
            predicted = new ArrayList<>();
            forecasts.scan(now, predicted::add);
            nextForecastScan = now + SensorBank.HOLT_MIN_INTERVAL_MS;
        }
        for (Forecasts.Forecast f : predicted) {
            Metric m = layout.metricOf(f.sensor());
            if (m == Metric.TEMP_C || m == Metric.HBM_TEMP_C) {
                sy.warming.add(layout.deviceOf(f.sensor()));
            }
        }
        RootCauseAnalyzer analyzer = new RootCauseAnalyzer(layout, sy);
        Map<String, Finding> findings = analyzer.analyze();
        for (Forecasts.Forecast f : predicted) {
            analyzer.forecastRoot(f.sensor()).forecast(where(f.sensor()), f.eta());
        }
        for (int i = 0; i < lasers.length; i++) {
            long eol = ageing.endOfLife(i);
            if (eol != Long.MIN_VALUE && eol - now <= settings.laserHorizonMs()) {
                int l = lasers[i];
                analyzer.component("laser:" + l, topo.laneDevice(l), topo.laneNumber(l), topo.laneName(l),
                        Category.OPTICAL, "laser", String.format(java.util.Locale.ROOT, "laser ageing: bias up"
                                + " %.1f%% at constant output, end of life at +%.0f%%", ageing.rise(i) * 100,
                                settings.eolBiasRise() * 100))
                        .forecast(topo.laneName(l), eol);
            }
        }
        sensorFindings(analyzer, implausible, "implausible");
        sensorFindings(analyzer, stale, "stale");
        tracker.update(now, findings);
    }

    private void sensorFindings(RootCauseAnalyzer analyzer, Map<Integer, String> faults, String pattern) {
        for (var e : faults.entrySet()) {
            int s = e.getKey();
            int d = layout.deviceOf(s);
            Finding f = analyzer.component("sensor:" + pattern + ":" + s, d, -1, topo.device(d).id().value(),
                    Category.SENSOR, pattern, layout.metricOf(s).wireName() + " " + e.getValue()
                            + "; a sensor fault, not the hardware");
            f.symptom(where(s), SensorBank.WARNING);
        }
    }

    private String where(int sensor) {
        int d = layout.deviceOf(sensor);
        int lane = layout.laneOf(sensor);
        return lane < 0 ? topo.device(d).id().value() : topo.laneName(topo.lane(d, lane));
    }

    /** Sensors that reported before and stopped while their device keeps reporting. */
    private void scanStale(long now) {
        Map<Integer, String> found = new LinkedHashMap<>();
        for (int d = 0; d < topo.deviceCount(); d++) {
            if (deviceLast[d] == Long.MIN_VALUE) {
                continue;
            }
            int base = layout.base(d);
            for (int s = base, end = base + layout.sensorsOf(d); s < end; s++) {
                if (state.stale(s, d, deviceLast[d])) {
                    found.put(s, "stopped reporting while its device still reports");
                }
            }
        }
        stale = found;
    }

    private Symptoms collect(long now) {
        Symptoms sy = new Symptoms(this::laserReason);
        for (int s = active.nextSetBit(0); s >= 0; s = active.nextSetBit(s + 1)) {
            int level = bank.level(s);
            int d = layout.deviceOf(s);
            int laneNo = layout.laneOf(s);
            Metric m = layout.metricOf(s);
            switch (topo.device(d).kind()) {
                case LEAK -> Symptoms.worst(sy.leaks, d, level);
                case CDU -> Symptoms.worst(sy.cdus, d, level);
                case COLDPLATE -> Symptoms.worst(sy.plates, d, level);
                case GPU -> Symptoms.worst(m == Metric.TEMP_C || m == Metric.HBM_TEMP_C ? sy.hot : sy.gpuOther, d, level);
                case SWITCH -> Symptoms.worst(sy.hot, d, level);
                case ELS -> {
                    if (laneNo >= 0) {
                        Symptoms.worst(sy.lasers, topo.lane(d, laneNo), level);
                    } else {
                        Symptoms.worst(sy.hot, d, level);
                    }
                }
                case OCS -> {
                    if (laneNo >= 0 && !switching(topo.lane(d, laneNo), now)) {
                        Symptoms.worst(sy.ports, topo.lane(d, laneNo), level);
                    }
                }
                case OE -> {
                    if (laneNo < 0) {
                        if (m == Metric.TEMP_C) {
                            Symptoms.worst(sy.hot, d, level);
                        }
                        break;
                    }
                    int l = topo.lane(d, laneNo);
                    if (quietForSwitching(l, now)) {
                        break;
                    }
                    switch (m) {
                        case LASER_IN_DBM -> Symptoms.worst(sy.fed, l, level);
                        case TX_DBM, BIAS_MA -> Symptoms.worst(sy.tx, l, level);
                        case MRM_HEATER_MW, MRM_DETUNE_PM -> Symptoms.worst(sy.hot, d, level);
                        default -> Symptoms.worst(sy.rx, l, level);
                    }
                }
                default -> {
                }
            }
        }
        for (int d = 0; d < topo.deviceCount(); d++) {
            if (peers.warmerThanPeers(d)) {
                Symptoms.worst(sy.hot, d, SensorBank.WARNING);
            }
        }
        for (int i = 0; i < lasers.length; i++) {
            if (ageing.wornOut(i)) {
                Symptoms.worst(sy.lasers, lasers[i], SensorBank.WARNING);
            }
        }
        hotLoops(sy);
        return sy;
    }

    private void hotLoops(Symptoms sy) {
        for (int cdu : topo.devicesOfKind(DeviceKind.CDU).toArray()) {
            int sources = 0;
            int warm = 0;
            for (int d : topo.onLoop(cdu).toArray()) {
                DeviceKind k = topo.device(d).kind();
                if (k == DeviceKind.GPU || k == DeviceKind.SWITCH) {
                    sources++;
                    if (sy.hot.containsKey(d)) {
                        warm++;
                    }
                }
            }
            if (warm >= 2 && warm >= 0.5 * sources) {
                sy.hotLoops.add(cdu);
            }
        }
    }

    private boolean switching(int port, long now) {
        return switchingUntil[port] >= now;
    }

    /** Whether a lane's link passes an OCS port that is (or just was) switching. */
    private boolean quietForSwitching(int lane, long now) {
        Optional<Link> link = topo.linkOf(lane);
        if (link.isEmpty()) {
            return false;
        }
        IntSeq via = link.get().via();
        for (int i = 0; i < via.size(); i++) {
            if (switching(via.get(i), now)) {
                return true;
            }
        }
        return false;
    }

    private String laserReason(int laser) {
        int d = topo.laneDevice(laser);
        int lane = topo.laneNumber(laser);
        int out = layout.laneSensor(d, lane, Metric.OUT_DBM);
        double baseline = bank.baseline(out);
        double now = state.value(out);
        // Darkness needs no baseline: a laser that emits nothing has failed, however early in the run.
        if (now <= Light.DARK_DBM) {
            return String.format(java.util.Locale.ROOT, "laser emits no light (output %.1f dBm): failed", now);
        }
        if (!Double.isNaN(baseline) && !Double.isNaN(now) && now < baseline - 0.5) {
            return String.format(java.util.Locale.ROOT, "laser output down %.1f dB from its baseline", baseline - now);
        }
        int slot = laserIndex[laser];
        double rise = slot < 0 ? 0 : ageing.rise(slot);
        if (slot >= 0 && ageing.wornOut(slot) || rise > settings.eolBiasRise() / 4) {
            return String.format(java.util.Locale.ROOT, "laser ageing: bias up %.0f%% at constant output"
                    + " (end of life at +%.0f%%)", rise * 100, settings.eolBiasRise() * 100);
        }
        return "light lost between this laser and the engines it feeds (coupling); the laser's own output"
                + " and bias read normal";
    }
}
