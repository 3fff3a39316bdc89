package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.Link;

/**
 * Optical circuit switches: the light entering and leaving each used port, and the switching flag of
 * a planned reconfiguration. Of a link's port pair the first carries A→B and the second B→A. Unused
 * ports report only {@code switching} (0): there is no light to measure, and reporting −40 dBm
 * forever would look like dark links.
 */
final class OcsModel {
    /** MEMS switches sit in the room, not on the liquid loop [EST]. */
    static final double CASE_C = 30;

    private final Plant plant;
    private final int[] switches;

    OcsModel(Plant plant) {
        this.plant = plant;
        this.switches = plant.topo.devicesOfKind(DeviceKind.OCS).toArray();
    }

    void step(double[] txDbm, FaultSet faults, PartSpread parts, Noise noise, double[] out) {
        DeviceKind k = DeviceKind.OCS;
        for (int d : switches) {
            out[plant.sensorBase[d] + k.deviceSlot(Metric.TEMP_C)] = CASE_C + noise.gaussian(0.2);
            int first = plant.firstLane(d);
            for (int p = first, end = first + plant.topo.device(d).laneCount(); p < end; p++) {
                double inNoise = noise.gaussian(0.05);
                double outNoise = noise.gaussian(0.05);
                int b = plant.laneSensorBase[p];
                out[b + k.laneSlot(Metric.SWITCHING)] = faults.switching[p] ? 1 : 0;
                int link = plant.portLink[p];
                if (link == Plant.NONE) {
                    continue;
                }
                double in = inputPower(p, link, txDbm, faults, parts);
                double light = faults.darkNow[p] ? OpticalModel.DARK_DBM
                        : in - OpticalModel.OCS_IL_DB - faults.pairExtraDb[p];
                out[b + k.laneSlot(Metric.IN_DBM)] = in + inNoise;
                out[b + k.laneSlot(Metric.OUT_DBM)] = light + outNoise;
            }
        }
    }

    /** Launch power of the lane feeding this port, less the fibre before it and the cross-connects upstream. */
    private double inputPower(int port, int link, double[] txDbm, FaultSet faults, PartSpread parts) {
        Link lk = plant.topo.links().get(link);
        boolean reverse = plant.portReverse[port];
        int source = reverse ? lk.laneB() : lk.laneA();
        int sink = reverse ? lk.laneA() : lk.laneB();
        int[] pairs = plant.linkPairs[link];
        int k = pairs.length;
        int position = reverse ? k - 1 - plant.portPairIndex[port] : plant.portPairIndex[port];
        // The lane's fibre loss is spread evenly over the k + 1 fibre segments around k cross-connects.
        double in = txDbm[source] - parts.fibreLossDb[sink] * (position + 1) / (k + 1);
        for (int i = 0; i < position; i++) {
            int pair = reverse ? pairs[k - 1 - i] : pairs[i];
            in -= OpticalModel.OCS_IL_DB + faults.pairExtraDb[pair];
        }
        return in;
    }
}
