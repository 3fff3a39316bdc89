package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.frame.FrameSink;

/**
 * Turns the readings of one tick into frames: one per reporting device, in device index order, with
 * its sensors in layout order, rounded to each sensor's resolution. A NaN reading is a sensor with
 * nothing to report and is left out.
 */
final class FrameWriter {
    private final Plant plant;
    private final FrameBuffer frame;
    private final long[] seq;
    private final Quantizer quantizer;

    FrameWriter(Plant plant) {
        this.plant = plant;
        int widest = 0;
        for (int d = 0; d < plant.devices; d++) {
            widest = Math.max(widest, plant.layout.sensorsOf(d));
        }
        this.frame = new FrameBuffer(widest);
        this.seq = new long[plant.devices];
        this.quantizer = new Quantizer(plant.layout);
    }

    void write(long t, double[] out, ThermalModel thermal, SensorFaults sensorFaults, FrameSink sink) {
        boolean clean = sensorFaults.idle();
        for (int d = 0; d < plant.devices; d++) {
            if (!thermal.reports(d)) {
                continue;
            }
            frame.begin(d, t);
            frame.seq(seq[d]++);
            int from = plant.sensorBase[d];
            int to = from + plant.layout.sensorsOf(d);
            for (int s = from; s < to; s++) {
                double v = clean ? out[s] : sensorFaults.read(s, out[s]);
                if (!Double.isNaN(v)) {
                    frame.add(s, quantizer.round(s, v));
                }
            }
            sink.accept(frame);
        }
    }
}
