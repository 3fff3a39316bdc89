package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/** Works out, when a fault is scheduled, what the twin should conclude about it. */
final class GroundTruths {
    private final Plant plant;
    private final Topology topo;
    private final ThermalModel thermal;
    private final PartSpread parts;

    GroundTruths(Plant plant, ThermalModel thermal, PartSpread parts) {
        this.plant = plant;
        this.topo = plant.topo;
        this.thermal = thermal;
        this.parts = parts;
    }

    GroundTruth of(ResolvedFault f) {
        FaultType type = f.type();
        int[] ix = f.indices();
        OptionalLong end = f.end() == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(f.end());
        OptionalLong failure = OptionalLong.empty();
        String root = f.spec().target().trim();
        TreeSet<Integer> lanes = new TreeSet<>();
        TreeSet<Integer> devices = new TreeSet<>();
        switch (type) {
            case F1 -> {
                engineLanes(ix[0], lanes);
                failure = mrmFailure(f, lanes);
            }
            case F2, F3, F4 -> {
                for (int laser : ix) {
                    for (int lane : topo.litBy(laser).toArray()) {
                        withFarEnd(lane, lanes);
                    }
                }
                if (type == FaultType.F2) {
                    failure = OptionalLong.of(f.onset() + f.spec().durationMillis().orElseThrow());
                } else if (type == FaultType.F3) {
                    failure = OptionalLong.of(f.onset());
                }
            }
            case F5 -> lanes.add(ix[0]);
            case F7, F8 -> {
                if (type == FaultType.F7) {
                    // The mirror pair is one component whichever of its two ports the scenario named.
                    root = topo.laneName(topo.crossConnectOf(ix[0]));
                }
                for (int port : ix) {
                    withFarEnd(topo.links().get(plant.portLink[port]).laneA(), lanes);
                }
                if (type == FaultType.F7 && f.magnitude() >= 30) {
                    failure = OptionalLong.of(f.onset());
                }
            }
            case F9 -> {
                root = name(ix[0]);
                cooledBy(ix[0], devices);
            }
            case F10 -> {
                for (int d : plant.loopHeat[ix[0]]) {
                    devices.add(d);
                }
                failure = OptionalLong.of(f.onset());
            }
            case F11 -> {
                root = name(ix[0]);
                devices.add(ix[0]);
                devices.add(plant.loop[ix[0]]);
                failure = OptionalLong.of(f.onset());
            }
            case F17 -> {
                root = name(ix[0]);
                return truth(f, end, failure, root, List.of(ix[1] < 0 ? name(ix[0])
                        : name(ix[0]) + "#" + ix[1]));
            }
            case F19 -> {
                for (int c : ix) {
                    devices.add(c);
                }
            }
            default -> throw new IllegalStateException(type + " is not simulated");
        }
        List<String> affected = new ArrayList<>();
        devices.forEach(d -> affected.add(name(d)));
        lanes.forEach(l -> affected.add(topo.laneName(l)));
        return truth(f, end, failure, root, affected);
    }

    private GroundTruth truth(ResolvedFault f, OptionalLong end, OptionalLong failure, String root,
                              List<String> affected) {
        return new GroundTruth(f.type(), f.spec().target(), f.onset(), end, failure, root, affected,
                f.type().negative());
    }

    /**
     * F1 fails when the worst lane that sees the hot engine (its own, or the far ends it transmits to)
     * crosses the FEC limit: T_fail = 80 °C + (−3.62 − worst floor) / 0.7 decade/K, reached from the
     * engine's nominal temperature at the ramp rate. Exact up to the load ripple (≈ ±0.5 K) and noise.
     */
    private OptionalLong mrmFailure(ResolvedFault f, TreeSet<Integer> lanes) {
        double worstFloor = Double.NEGATIVE_INFINITY;
        for (int l : lanes) {
            worstFloor = Math.max(worstFloor, parts.berFloorLog10[l]);
        }
        double failTemp = OpticalModel.T_SAT_C + OpticalModel.kelvinAboveSatToFecLimit(worstFloor);
        double rise = Math.max(0, failTemp - thermal.nominalEngineTemp(f.indices()[0]));
        long failure = f.onset() + Math.round(rise / f.magnitude() * 60_000);
        return failure < f.end() ? OptionalLong.of(failure) : OptionalLong.empty();
    }

    private void engineLanes(int oe, TreeSet<Integer> lanes) {
        int first = plant.firstLane(oe);
        for (int l = first; l < first + topo.device(oe).laneCount(); l++) {
            withFarEnd(l, lanes);
        }
    }

    private void withFarEnd(int lane, TreeSet<Integer> lanes) {
        lanes.add(lane);
        if (plant.farLane[lane] != Plant.NONE) {
            lanes.add(plant.farLane[lane]);
        }
    }

    private void cooledBy(int plate, TreeSet<Integer> devices) {
        for (int d : topo.cooledBy(plate).toArray()) {
            if (plant.kind[d] == DeviceKind.GPU || plant.kind[d] == DeviceKind.SWITCH || plant.kind[d] == DeviceKind.OE) {
                devices.add(d);
            }
        }
    }

    private String name(int device) {
        return topo.device(device).id().value();
    }
}
