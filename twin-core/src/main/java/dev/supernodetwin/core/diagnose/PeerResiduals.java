package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.detect.Cusum;
import dev.supernodetwin.core.detect.CusumSpec;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.TwinState;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Peer comparison of temperatures: each chip against the median of its peers (GPUs with the GPUs,
 * switches with the switches of the same coolant loop; engines of the same host, or of the same loop when a host has fewer than
 * three), with a CUSUM on the residual against the residual's own learned baseline.
 *
 * <p>The median takes out what peers share (supply temperature, diurnal drift, a job's load), the
 * learned baseline takes out what a chip always has (a hotter slot, a part at the edge of its spread),
 * and what is left is one chip warming apart from its peers: a cold plate losing flow or TIM, an
 * engine hot spot. A whole loop warming together leaves every residual where it was; that is the
 * CDU's signature and is judged from the CDU's own readings.
 */
final class PeerResiduals {
    /**
     * k = 0.5σ and h = 5σ as in domain §6.1, learned over 30 samples, σ no smaller than 1 K: a third
     * of the 3 K rise worth reporting, above integer-°C reporting and load ripple.
     */
    static final CusumSpec SPEC = new CusumSpec(0.5, 5, 30, 1.0);
    private static final int MIN_PEERS = 3;

    private final int[][] groups;
    private final int[] sensorOfMember;
    private final int[] slotOfDevice;
    private final long[] lastFed;
    private final Cusum cusum;
    private final boolean[] flagged;
    private double[] scratch = new double[16];

    PeerResiduals(SensorLayout layout) {
        Topology topo = layout.topology();
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (Device d : topo.devices()) {
            String g = groupOf(topo, d);
            if (g != null) {
                byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(d.index());
            }
        }
        List<int[]> gs = new ArrayList<>();
        for (List<Integer> members : byGroup.values()) {
            if (members.size() >= MIN_PEERS) {
                gs.add(members.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        groups = gs.toArray(new int[0][]);
        slotOfDevice = new int[topo.deviceCount()];
        Arrays.fill(slotOfDevice, -1);
        int slots = 0;
        for (int[] g : groups) {
            for (int d : g) {
                slotOfDevice[d] = slots++;
            }
        }
        sensorOfMember = new int[slots];
        for (int[] g : groups) {
            for (int d : g) {
                sensorOfMember[slotOfDevice[d]] = layout.sensor(d, Metric.TEMP_C);
            }
        }
        lastFed = new long[slots];
        Arrays.fill(lastFed, Long.MIN_VALUE);
        cusum = new Cusum(SPEC, slots);
        flagged = new boolean[topo.deviceCount()];
    }

    private static String groupOf(Topology topo, Device d) {
        var loop = topo.loopOf(d.index());
        String loopName = loop.isPresent() ? "loop:" + loop.getAsInt() : null;
        return switch (d.kind()) {
            case GPU, SWITCH -> loopName == null ? null : loopName + ":" + d.kind().wireName();
            case OE -> {
                var host = topo.hostOf(d.index());
                if (host.isPresent() && topo.enginesOf(host.getAsInt()).size() >= MIN_PEERS) {
                    yield "host:" + host.getAsInt();
                }
                yield loopName == null ? null : loopName + ":oe";
            }
            default -> null;
        };
    }

    /** Feeds every member whose temperature has a new reading since the last call. */
    void update(TwinState state) {
        for (int[] g : groups) {
            if (scratch.length < g.length) {
                scratch = new double[g.length * 2];
            }
            int n = 0;
            for (int d : g) {
                double v = state.value(sensorOfMember[slotOfDevice[d]]);
                if (!Double.isNaN(v)) {
                    scratch[n++] = v;
                }
            }
            if (n < MIN_PEERS) {
                continue;
            }
            Arrays.sort(scratch, 0, n);
            double median = n % 2 == 1 ? scratch[n / 2] : (scratch[n / 2 - 1] + scratch[n / 2]) / 2;
            for (int d : g) {
                int slot = slotOfDevice[d];
                int sensor = sensorOfMember[slot];
                long t = state.time(sensor);
                if (t == Long.MIN_VALUE || t <= lastFed[slot]) {
                    continue;
                }
                lastFed[slot] = t;
                flagged[d] = cusum.update(slot, state.value(sensor) - median) > 0;
            }
        }
    }

    /** Whether the device's temperature has risen apart from its peers. */
    boolean warmerThanPeers(int device) {
        return flagged[device];
    }

    /** Bytes of state, for memory accounting. */
    long stateBytes() {
        return cusum.stateBytes() + lastFed.length * 8L + sensorOfMember.length * 4L + slotOfDevice.length * 4L
                + flagged.length;
    }
}
