package dev.supernodetwin.core.silence;

import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Link;
import dev.supernodetwin.core.topology.Topology;

import java.util.BitSet;

/**
 * What a component covers, by the table of {@code docs/alerting.md} ("Silences and maintenance, by
 * topology"): a laser, the lanes it lights and the far ends and OCS ports of their links; an OCS port,
 * the links through it with both end lanes; an engine, its lanes and their far ends; a GPU or switch,
 * its engines and cold plate; a tray or rack, each device in it as above; a CDU, everything on its loop;
 * anything else, itself.
 */
public final class Downstream {
    private final Topology topology;
    private final BitSet devices = new BitSet();
    private final BitSet lanes = new BitSet();

    private Downstream(Topology topology) {
        this.topology = topology;
    }

    /** The coverage of a target that {@link SilenceTarget#parse} accepted for the same topology. */
    public static Coverage of(SilenceTarget target, Topology topology) {
        Downstream d = new Downstream(topology);
        switch (target.kind()) {
            case DEVICE -> d.device(topology.indexOf(target.name()).orElseThrow(() -> unknown(target)));
            case LANE -> d.lane(topology.lane(target.name()).orElseThrow(() -> unknown(target)));
            case TRAY, RACK -> {
                for (Device device : topology.devices()) {
                    if (target.holds(device)) {
                        d.device(device.index());
                    }
                }
            }
        }
        return new Coverage(d.devices, d.lanes);
    }

    private static IllegalArgumentException unknown(SilenceTarget target) {
        return new IllegalArgumentException("silence target " + target + " names nothing in this topology");
    }

    private void device(int index) {
        devices.set(index);
        Device device = topology.device(index);
        switch (device.kind()) {
            case ELS, OCS, OE -> eachLane(device);
            case GPU, SWITCH -> {
                IntSeq engines = topology.enginesOf(index);
                for (int i = 0; i < engines.size(); i++) {
                    device(engines.get(i));
                }
                // Its cold plate only: a GPU cooled by a CDU directly must not silence the whole loop.
                topology.coolantOf(index).ifPresent(c -> {
                    if (topology.device(c).kind() == DeviceKind.COLDPLATE) {
                        devices.set(c);
                    }
                });
            }
            case CDU -> topology.onLoop(index).stream().forEach(devices::set);
            case COLDPLATE, LEAK -> {
                // nothing is downstream of a cold plate or leak sensor alone
            }
        }
    }

    private void eachLane(Device device) {
        if (device.laneCount() == 0) {
            return;
        }
        int first = topology.lane(device.index(), 0);
        for (int n = 0; n < device.laneCount(); n++) {
            lane(first + n);
        }
    }

    private void lane(int lane) {
        lanes.set(lane);
        switch (topology.device(topology.laneDevice(lane)).kind()) {
            case ELS -> laser(lane);
            case OCS -> port(lane);
            case OE -> topology.linkOf(lane).ifPresent(link -> lanes.set(link.otherEnd(lane)));
            default -> {
                // only engines, lasers and ports have lanes
            }
        }
    }

    private void laser(int laser) {
        IntSeq lit = topology.litBy(laser);
        for (int i = 0; i < lit.size(); i++) {
            int lane = lit.get(i);
            lanes.set(lane);
            topology.linkOf(lane).ifPresent(link -> {
                lanes.set(link.otherEnd(lane));
                setAll(link.via());
            });
        }
    }

    private void port(int port) {
        IntSeq through = topology.linksThrough(port);
        for (int i = 0; i < through.size(); i++) {
            Link link = topology.links().get(through.get(i));
            lanes.set(link.laneA());
            lanes.set(link.laneB());
            setAll(link.via());
        }
    }

    private void setAll(IntSeq seq) {
        for (int i = 0; i < seq.size(); i++) {
            lanes.set(seq.get(i));
        }
    }
}
