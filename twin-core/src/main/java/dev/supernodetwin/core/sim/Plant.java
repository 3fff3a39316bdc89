package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Link;
import dev.supernodetwin.core.topology.Topology;

import java.util.Arrays;

/**
 * What the simulator needs to know about the hardware, flattened into int-indexed arrays once: sensor
 * bases, cooling paths, design powers and flows, and each optical lane's far end, laser and OCS ports.
 * Per-part constants drawn at random (losses, floors, laser baselines) live in {@link PartSpread}.
 */
final class Plant {
    static final int NONE = -1;
    /** Default design power of a GPU without {@code powerW}: B200-class ~1,000 W [SEC S30e]. */
    static final double DEFAULT_GPU_W = 1000;
    /** Default design power of a switch ASIC without {@code powerW} [EST]. */
    static final double DEFAULT_SWITCH_W = 350;
    /** Optical engine power, as the presets assume (domain §3.1: 5–16 W per 800G) [EST]. */
    static final double ENGINE_W = 12;
    /** Coolant design rule 1.5 L/min per kW [SEC S30c]. */
    static final double LPM_PER_KW = 1.5;

    final Topology topo;
    final SensorLayout layout;
    final int devices;
    final int lanes;
    final DeviceKind[] kind;
    final int[] sensorBase;
    /** First sensor of a lane's lane metrics; add the kind's lane slot. */
    final int[] laneSensorBase;
    final int[] host;
    /** The cold plate cooling a device, or NONE (devices cooled by a CDU directly, or uncooled). */
    final int[] plate;
    final int[] loop;
    final double[] designPowerW;
    /** Design flow of each cold plate (its share of the loop) and of each CDU, L/min. */
    final double[] designFlow;
    /** Devices that dissipate heat into each CDU's loop, by CDU index; empty arrays elsewhere. */
    final int[][] loopHeat;
    /** Heat-producing devices on each cold plate, by plate index. */
    final int[][] plateHeat;
    final int[] farLane;
    final int[] linkOfLane;
    final int[] laserOf;
    final int[] litCount;
    /** OCS ports: the link through the port and whether it carries the B→A direction. */
    final int[] portLink;
    final boolean[] portReverse;
    /** For each used OCS port, the other port of its cross-connect pair and the pair's position on the link. */
    final int[] portPartner;
    final int[] portPairIndex;
    /** For each link, the first port of each cross-connect pair it crosses, A→B order. */
    final int[][] linkPairs;

    Plant(SensorLayout layout) {
        this.layout = layout;
        this.topo = layout.topology();
        this.devices = topo.deviceCount();
        this.lanes = topo.laneCount();
        kind = new DeviceKind[devices];
        sensorBase = new int[devices];
        host = new int[devices];
        plate = new int[devices];
        loop = new int[devices];
        designPowerW = new double[devices];
        for (int d = 0; d < devices; d++) {
            Device dev = topo.device(d);
            kind[d] = dev.kind();
            sensorBase[d] = layout.base(d);
            host[d] = topo.hostOf(d).orElse(NONE);
            int coolant = topo.coolantOf(d).orElse(NONE);
            plate[d] = coolant != NONE && topo.device(coolant).kind() == DeviceKind.COLDPLATE ? coolant : NONE;
            loop[d] = topo.loopOf(d).orElse(NONE);
            designPowerW[d] = switch (dev.kind()) {
                case GPU -> dev.spec().powerW().orElse(DEFAULT_GPU_W);
                case SWITCH -> dev.spec().powerW().orElse(DEFAULT_SWITCH_W);
                case OE -> ENGINE_W;
                default -> 0;
            };
        }
        laneSensorBase = new int[lanes];
        for (int l = 0; l < lanes; l++) {
            int d = topo.laneDevice(l);
            DeviceKind k = kind[d];
            laneSensorBase[l] = sensorBase[d] + k.deviceMetrics().size() + topo.laneNumber(l) * k.laneMetrics().size();
        }
        plateHeat = groupHeat(plate);
        loopHeat = groupHeat(loop);
        designFlow = new double[devices];
        flows();
        for (int p : topo.devicesOfKind(DeviceKind.COLDPLATE).toArray()) {
            if (designFlow[p] == 0) {
                designFlow[p] = Math.max(0.1, sumPower(plateHeat[p]) / 1000 * LPM_PER_KW);
            }
        }
        farLane = new int[lanes];
        linkOfLane = new int[lanes];
        laserOf = new int[lanes];
        litCount = new int[lanes];
        portLink = new int[lanes];
        portReverse = new boolean[lanes];
        portPartner = new int[lanes];
        portPairIndex = new int[lanes];
        linkPairs = new int[topo.links().size()][];
        optics();
    }

    private int[][] groupHeat(int[] parent) {
        int[] counts = new int[devices];
        for (int d = 0; d < devices; d++) {
            if (parent[d] != NONE && designPowerW[d] > 0) {
                counts[parent[d]]++;
            }
        }
        int[][] groups = new int[devices][];
        for (int p = 0; p < devices; p++) {
            groups[p] = new int[counts[p]];
        }
        int[] fill = new int[devices];
        for (int d = 0; d < devices; d++) {
            if (parent[d] != NONE && designPowerW[d] > 0) {
                groups[parent[d]][fill[parent[d]]++] = d;
            }
        }
        return groups;
    }

    /** CDU design flow as written (else 1.5 L/min/kW); each plate gets the share its design power earns. */
    private void flows() {
        for (int c : topo.devicesOfKind(DeviceKind.CDU).toArray()) {
            double loopW = sumPower(loopHeat[c]);
            designFlow[c] = topo.device(c).spec().designFlowLpm().orElse(Math.max(1, loopW / 1000 * LPM_PER_KW));
            for (int p : topo.devicesOfKind(DeviceKind.COLDPLATE).toArray()) {
                if (loop[p] == c) {
                    // A plate cooling nothing still gets a trickle, so ratios stay defined.
                    designFlow[p] = Math.max(0.1, loopW > 0 ? designFlow[c] * sumPower(plateHeat[p]) / loopW : 0);
                }
            }
        }
    }

    double sumPower(int[] ds) {
        double w = 0;
        for (int d : ds) {
            w += designPowerW[d];
        }
        return w;
    }

    private void optics() {
        Arrays.fill(farLane, NONE);
        Arrays.fill(linkOfLane, NONE);
        Arrays.fill(laserOf, NONE);
        Arrays.fill(portLink, NONE);
        Arrays.fill(portPartner, NONE);
        for (int l = 0; l < lanes; l++) {
            laserOf[l] = topo.laserOf(l).orElse(NONE);
            litCount[l] = topo.litBy(l).size();
        }
        for (Link link : topo.links()) {
            farLane[link.laneA()] = link.laneB();
            farLane[link.laneB()] = link.laneA();
            linkOfLane[link.laneA()] = link.index();
            linkOfLane[link.laneB()] = link.index();
            IntSeq via = link.via();
            int pairs = via.size() / 2;
            linkPairs[link.index()] = new int[pairs];
            for (int j = 0; j < pairs; j++) {
                int forward = via.get(2 * j);
                int backward = via.get(2 * j + 1);
                linkPairs[link.index()][j] = forward;
                portLink[forward] = link.index();
                portLink[backward] = link.index();
                portReverse[backward] = true;
                portPartner[forward] = backward;
                portPartner[backward] = forward;
                portPairIndex[forward] = j;
                portPairIndex[backward] = j;
            }
        }
    }

    /** Global lane index of lane 0 of a device. */
    int firstLane(int device) {
        return topo.device(device).laneCount() == 0 ? NONE : topo.lane(device, 0);
    }
}
