package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.sim.ResolvedFault.SensorMode;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.LaneRef;
import dev.supernodetwin.core.topology.Topology;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Resolves a fault's target to indices and checks everything about it, collecting every problem.
 *
 * <p>Index meaning by type: F1 the engine; F2–F4 laser lanes (global); F5 the engine lane; F7 and F8
 * OCS ports (global lanes); F9 the cold plate; F10 the CDU; F11 the leak sensor; F17 {device, lane
 * number or -1, metric ordinal}; F19 the CDUs.
 */
final class FaultTargets {
    /** Default F8 window: a bulk MEMS reconfiguration, ≤ 200 ms [PUB S28b]. */
    static final long DEFAULT_SWITCH_WINDOW_MS = 200;
    /** Default F19 period: one day [PUB S31c]. */
    static final long DEFAULT_DIURNAL_PERIOD_MS = 86_400_000L;

    private FaultTargets() {
    }

    /**
     * Resolves fault {@code i}, adding a problem for everything wrong with it.
     *
     * @param start simulation start, epoch ms, for the absolute onset
     * @return the resolved fault, or empty when any problem was found
     */
    static Optional<ResolvedFault> resolve(int i, FaultSpec f, Topology topo, long start, List<String> problems) {
        String at = "faults[" + i + "]";
        int before = problems.size();
        FaultType type = f.type();
        if (!type.simulated()) {
            problems.add(at + ".fault: " + type.code() + " (" + type.slug() + ") is not simulated yet");
            return Optional.empty();
        }
        if (f.onsetMillis() < 0) {
            problems.add(at + ".onset: must be >= 0 ms from the simulation start, was " + f.onsetMillis());
        }
        checkDuration(at, f, problems);
        double magnitude = checkMagnitude(at, f, problems);
        SensorMode mode = SensorMode.NONE;
        long period = 0;
        if (type == FaultType.F17) {
            mode = sensorMode(at, f, problems);
        } else if (type == FaultType.F19) {
            period = diurnalPeriod(at, f, problems);
        } else if (f.mode().isPresent()) {
            problems.add(at + ".mode: " + type.code() + " has no modes, was '" + f.mode().get() + "'");
        }
        int[] indices = targets(at + ".target", f, topo, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        long onset = start + f.onsetMillis();
        long end = Long.MAX_VALUE;
        if (type == FaultType.F8) {
            end = onset + f.durationMillis().orElse(DEFAULT_SWITCH_WINDOW_MS);
        } else if (type != FaultType.F2 && f.durationMillis().isPresent()) {
            end = onset + f.durationMillis().getAsLong();
        }
        return Optional.of(new ResolvedFault(f, indices, magnitude, onset, end, mode, period));
    }

    private static void checkDuration(String at, FaultSpec f, List<String> problems) {
        f.durationMillis().stream().filter(d -> d <= 0)
                .forEach(d -> problems.add(at + ".duration: must be > 0 ms, was " + d));
        if (f.type() == FaultType.F2 && f.durationMillis().isEmpty()) {
            problems.add(at + ".duration: F2 needs a duration, the time from onset to the laser's end of life");
        }
    }

    private static double checkMagnitude(String at, FaultSpec f, List<String> problems) {
        FaultType type = f.type();
        if (f.magnitude().isEmpty()) {
            return type.defaultMagnitude().orElse(Double.NaN);
        }
        double m = f.magnitude().getAsDouble();
        if (type.defaultMagnitude().isEmpty()) {
            problems.add(at + ".magnitude: " + type.code() + " takes no magnitude, was " + m);
            return m;
        }
        String rule = switch (type) {
            case F1 -> m > 0 && m <= 60 ? null : "a ramp in K/min, 0 < m <= 60";
            case F4, F5, F7 -> m > 0 && m <= 60 ? null : "an extra loss in dB, 0 < m <= 60";
            case F9 -> m > 0 && m <= 1 ? null : "the fraction of flow left, 0 < m <= 1";
            case F10 -> m >= 0 && m < 1 ? null : "the fraction of design flow left, 0 <= m < 1";
            case F11 -> m > 0 && m <= 10 ? null : "the leak size, 0 < m <= 10 (>= 1 also cuts flow)";
            case F19 -> m >= 0 && m <= 5 ? null : "the supply swing in K, 0 <= m <= 5";
            default -> null;
        };
        if (rule != null || !Double.isFinite(m)) {
            problems.add(at + ".magnitude: " + type.code() + " magnitude is " + (rule == null ? "finite" : rule) + ", was " + m);
        }
        return m;
    }

    private static SensorMode sensorMode(String at, FaultSpec f, List<String> problems) {
        String m = f.mode().orElse("spike").trim().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "stuck" -> SensorMode.STUCK;
            case "spike" -> SensorMode.SPIKE;
            case "dropout" -> SensorMode.DROPOUT;
            default -> {
                problems.add(at + ".mode: F17 mode is stuck, spike or dropout, was '" + f.mode().get() + "'");
                yield SensorMode.NONE;
            }
        };
    }

    private static long diurnalPeriod(String at, FaultSpec f, List<String> problems) {
        if (f.mode().isEmpty()) {
            return DEFAULT_DIURNAL_PERIOD_MS;
        }
        String m = f.mode().get().trim();
        if (!m.startsWith("period=")) {
            problems.add(at + ".mode: F19 mode is period=<duration> (e.g. period=2h), was '" + m + "'");
            return 0;
        }
        try {
            long p = Durations.parse(m.substring("period=".length()));
            if (p < 60_000) {
                problems.add(at + ".mode: F19 period must be at least 1m, was " + m);
            }
            return p;
        } catch (IllegalArgumentException e) {
            problems.add(at + ".mode: " + e.getMessage());
            return 0;
        }
    }

    private static int[] targets(String at, FaultSpec f, Topology topo, List<String> problems) {
        String target = f.target().trim();
        return switch (f.type()) {
            case F1 -> device(at, target, topo, problems, DeviceKind.OE);
            case F2, F4 -> lane(at, target, topo, problems, DeviceKind.ELS);
            case F3 -> lanesOrDevice(at, target, topo, problems, DeviceKind.ELS);
            case F5 -> lane(at, target, topo, problems, DeviceKind.OE);
            case F7 -> usedPorts(at, target, topo, problems, lane(at, target, topo, problems, DeviceKind.OCS));
            case F8 -> usedPorts(at, target, topo, problems, lanesOrDevice(at, target, topo, problems, DeviceKind.OCS));
            case F9 -> coldPlate(at, target, topo, problems);
            case F10 -> device(at, target, topo, problems, DeviceKind.CDU);
            case F11 -> leakSensor(at, target, topo, problems);
            case F17 -> sensor(at, target, topo, problems);
            case F19 -> cdus(at, target, topo, problems);
            default -> new int[0];
        };
    }

    private static int[] device(String at, String target, Topology topo, List<String> problems, DeviceKind kind) {
        OptionalInt d = topo.indexOf(target);
        if (d.isEmpty()) {
            problems.add(at + ": no device '" + target + "' in supernode " + topo.supernode());
            return new int[0];
        }
        DeviceKind actual = topo.device(d.getAsInt()).kind();
        if (actual != kind) {
            problems.add(at + ": '" + target + "' is a " + actual.wireName() + ", this fault needs a " + kind.wireName());
            return new int[0];
        }
        return new int[] {d.getAsInt()};
    }

    private static int[] lane(String at, String target, Topology topo, List<String> problems, DeviceKind kind) {
        Optional<LaneRef> ref = LaneRef.parse(target);
        if (ref.isEmpty()) {
            problems.add(at + ": '" + target + "' is not a lane; write " + kind.wireName() + "-DEVICE#INDEX");
            return new int[0];
        }
        OptionalInt d = topo.indexOf(ref.get().device());
        if (d.isEmpty()) {
            problems.add(at + ": no device '" + ref.get().device() + "' in supernode " + topo.supernode());
            return new int[0];
        }
        Device dev = topo.device(d.getAsInt());
        if (dev.kind() != kind) {
            problems.add(at + ": '" + dev.id() + "' is a " + dev.kind().wireName() + ", this fault needs a lane of a "
                    + kind.wireName());
            return new int[0];
        }
        if (ref.get().index() >= dev.laneCount()) {
            problems.add(at + ": '" + dev.id() + "' has lanes 0.." + (dev.laneCount() - 1) + ", not " + ref.get().index());
            return new int[0];
        }
        return new int[] {topo.lane(d.getAsInt(), ref.get().index())};
    }

    private static int[] lanesOrDevice(String at, String target, Topology topo, List<String> problems,
                                       DeviceKind kind) {
        if (LaneRef.parse(target).isPresent()) {
            return lane(at, target, topo, problems, kind);
        }
        int[] d = device(at, target, topo, problems, kind);
        if (d.length == 0) {
            return d;
        }
        int first = topo.lane(d[0], 0);
        return IntStream.range(first, first + topo.device(d[0]).laneCount()).toArray();
    }

    /** Keeps the OCS ports that carry a link; a single named port must carry one. */
    private static int[] usedPorts(String at, String target, Topology topo, List<String> problems, int[] ports) {
        int[] used = IntStream.of(ports).filter(p -> !topo.linksThrough(p).isEmpty()).toArray();
        if (ports.length > 0 && used.length == 0) {
            problems.add(at + ": '" + target + "' carries no link, so the fault would show nowhere");
        }
        return used;
    }

    private static int[] coldPlate(String at, String target, Topology topo, List<String> problems) {
        OptionalInt d = topo.indexOf(target);
        if (d.isEmpty()) {
            problems.add(at + ": no device '" + target + "' in supernode " + topo.supernode());
            return new int[0];
        }
        DeviceKind kind = topo.device(d.getAsInt()).kind();
        if (kind == DeviceKind.COLDPLATE) {
            return new int[] {d.getAsInt()};
        }
        if (kind == DeviceKind.GPU || kind == DeviceKind.SWITCH) {
            OptionalInt plate = topo.coolantOf(d.getAsInt());
            if (plate.isPresent() && topo.device(plate.getAsInt()).kind() == DeviceKind.COLDPLATE) {
                return new int[] {plate.getAsInt()};
            }
            problems.add(at + ": '" + target + "' is not cooled by a cold plate");
            return new int[0];
        }
        problems.add(at + ": '" + target + "' is a " + kind.wireName() + ", F9 needs a coldplate, gpu or switch");
        return new int[0];
    }

    private static int[] leakSensor(String at, String target, Topology topo, List<String> problems) {
        OptionalInt d = topo.indexOf(target);
        if (d.isPresent() && topo.device(d.getAsInt()).kind() == DeviceKind.CDU) {
            OptionalInt first = topo.onLoop(d.getAsInt()).stream().filter(x -> topo.device(x).kind() == DeviceKind.LEAK)
                    .findFirst();
            if (first.isEmpty()) {
                problems.add(at + ": CDU '" + target + "' has no leak sensor on its loop");
                return new int[0];
            }
            return new int[] {first.getAsInt()};
        }
        int[] leak = device(at, target, topo, problems, DeviceKind.LEAK);
        if (leak.length == 1 && topo.loopOf(leak[0]).isEmpty()) {
            problems.add(at + ": leak sensor '" + target + "' hangs on no CDU loop");
            return new int[0];
        }
        return leak;
    }

    private static int[] sensor(String at, String target, Topology topo, List<String> problems) {
        int space = target.lastIndexOf(' ');
        if (space <= 0) {
            problems.add(at + ": '" + target + "' is not a sensor; write \"DEVICE metric\" or \"DEVICE#LANE metric\"");
            return new int[0];
        }
        String where = target.substring(0, space).trim();
        Optional<Metric> metric = Metric.fromWireName(target.substring(space + 1));
        if (metric.isEmpty()) {
            problems.add(at + ": unknown metric '" + target.substring(space + 1) + "'");
            return new int[0];
        }
        Optional<LaneRef> ref = LaneRef.parse(where);
        String deviceId = ref.map(LaneRef::device).orElse(where);
        OptionalInt d = topo.indexOf(deviceId);
        if (d.isEmpty()) {
            problems.add(at + ": no device '" + deviceId + "' in supernode " + topo.supernode());
            return new int[0];
        }
        Device dev = topo.device(d.getAsInt());
        if (ref.isPresent()) {
            if (ref.get().index() >= dev.laneCount() || dev.kind().laneSlot(metric.get()) < 0) {
                problems.add(at + ": '" + where + "' has no lane metric " + metric.get().wireName());
                return new int[0];
            }
            return new int[] {d.getAsInt(), ref.get().index(), metric.get().ordinal()};
        }
        if (dev.kind().deviceSlot(metric.get()) < 0) {
            problems.add(at + ": a " + dev.kind().wireName() + " has no device metric " + metric.get().wireName());
            return new int[0];
        }
        return new int[] {d.getAsInt(), -1, metric.get().ordinal()};
    }

    private static int[] cdus(String at, String target, Topology topo, List<String> problems) {
        if (target.equals(topo.supernode())) {
            return topo.devicesOfKind(DeviceKind.CDU).toArray();
        }
        return device(at, target, topo, problems, DeviceKind.CDU);
    }
}
