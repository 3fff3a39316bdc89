package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.core.state.SensorLayout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic, physics-based telemetry source for a supernode: liquid loops, chips,
 * optical engines, external lasers and circuit switches coupled as the hardware couples them, with
 * the faults of a {@link Scenario} injected on schedule. Equal layout, settings and scenario give
 * byte-identical frames; nothing reads the wall clock.
 *
 * <p>Each {@link #tick} advances the physics by one period to {@link #nextTime()} and emits one frame
 * per reporting device, in device index order. Not thread-safe: one thread drives it.
 */
public final class Simulator {
    private final SimulationSettings settings;
    private final Plant plant;
    private final PartSpread parts;
    private final Noise noise;
    private final FaultSet faults;
    private final SensorFaults sensorFaults;
    private final CoolingModel cooling;
    private final ThermalModel thermal;
    private final LaserModel lasers;
    private final OpticalModel optics;
    private final OcsModel ocs;
    private final FrameWriter writer;
    private final GroundTruths truths;
    private final List<FaultSpec> specs = new ArrayList<>();
    private final List<GroundTruth> groundTruth = new ArrayList<>();
    private final double[] out;
    private long next;
    private long last;

    /**
     * A simulator at its healthy steady state, about to emit its first frame at {@code settings.startMillis()}.
     *
     * @throws IllegalArgumentException listing every problem, when the scenario does not fit the topology
     */
    public Simulator(SensorLayout layout, SimulationSettings settings, Scenario scenario) {
        this.settings = settings;
        this.plant = new Plant(layout);
        SplittableRandom root = new SplittableRandom(settings.seed());
        // Separate streams: part-to-part spread must not shift when the scenario changes what is drawn.
        this.parts = new PartSpread(plant.devices, plant.lanes, new Noise(root.split()));
        this.noise = new Noise(root.split());
        this.faults = new FaultSet(plant);
        this.sensorFaults = new SensorFaults(layout);
        this.cooling = new CoolingModel(plant);
        this.thermal = new ThermalModel(plant, new LoadPattern(settings.startMillis()));
        this.lasers = new LaserModel(plant);
        this.optics = new OpticalModel(plant);
        this.ocs = new OcsModel(plant);
        this.writer = new FrameWriter(plant);
        this.truths = new GroundTruths(plant, thermal, parts);
        this.out = new double[layout.sensorCount()];
        Arrays.fill(out, Double.NaN);
        this.next = settings.startMillis();
        this.last = settings.startMillis();
        schedule(scenario.faults());
        settle();
    }

    private void settle() {
        faults.update(next, settings.periodMillis());
        cooling.step(0, thermal.power, faults, noise, out);
        thermal.settle(next, cooling);
        // Once more, now that the loops carry the chips' real heat.
        cooling.step(0, thermal.power, faults, noise, out);
        thermal.settle(next, cooling);
    }

    private void schedule(List<FaultSpec> list) {
        List<String> problems = new ArrayList<>();
        List<ResolvedFault> resolved = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Optional<ResolvedFault> r = FaultTargets.resolve(specs.size() + i, list.get(i), plant.topo,
                    settings.startMillis(), problems);
            r.ifPresent(resolved::add);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("scenario does not fit supernode " + plant.topo.supernode() + ": "
                    + String.join("; ", problems));
        }
        specs.addAll(list);
        for (ResolvedFault f : resolved) {
            if (f.type() == FaultType.F17) {
                sensorFaults.add(f);
            } else {
                faults.add(f);
            }
            groundTruth.add(truths.of(f));
        }
    }

    /** Event time (epoch ms) of the next tick. */
    public long nextTime() {
        return next;
    }

    /** The settings this simulator runs with. */
    public SimulationSettings settings() {
        return settings;
    }

    /**
     * Advances the physics to {@link #nextTime()} and emits one frame per reporting device, in device
     * index order, each holding that device's readings as sensor indices of the layout.
     */
    public void tick(FrameSink sink) {
        long t = next;
        double dt = (t - last) / 1000.0;
        sensorFaults.update(t, out);
        faults.update(t, settings.periodMillis());
        cooling.step(dt, thermal.power, faults, noise, out);
        thermal.step(t, dt, cooling, faults);
        thermal.report(t, parts, noise, out);
        lasers.step(faults, parts, noise, out);
        optics.transmit(thermal.temp, lasers, faults, parts, noise, out);
        optics.receive(dt, thermal.temp, faults, parts, noise, out);
        ocs.step(optics.txDbm, faults, parts, noise, out);
        writer.write(t, out, thermal, sensorFaults, sink);
        last = t;
        next = t + settings.periodMillis();
    }

    /**
     * Schedules a fault at run time, its onset relative to the simulation start (an onset already
     * past starts it on the next tick).
     *
     * @throws IllegalArgumentException listing every problem, when the fault does not fit the topology
     */
    public void inject(FaultSpec fault) {
        schedule(List.of(fault));
    }

    /** Ground truth of every fault scheduled so far, in scenario order and then injection order. */
    public List<GroundTruth> groundTruth() {
        return List.copyOf(groundTruth);
    }
}
