package dev.supernodetwin.bench;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;

import java.util.Arrays;

/**
 * Simulator ticks recorded into flat primitive arrays, then replayed frame by frame without end: each
 * pass over the recording moves event time and sequence numbers on by the recording's length, so the
 * twin never sees a duplicate and time always advances, as in a live stream. Counters are carried
 * over the seam too (each pass adds their rise over the recording), so none appears to reset.
 * Gauges jump once per pass, from the last tick's reading back to the first's.
 */
final class RecordedTicks {
    private final int ticks;
    private final long spanMs;
    private final int frames;
    private final int[] frameStart;
    private final int[] frameDevice;
    private final long[] frameTime;
    private final long[] frameSeq;
    private final int[] sensors;
    private final double[] values;
    private final int[] counterAt;
    private final double[] counterRise;
    private int next;
    private long pass;

    private RecordedTicks(int ticks, long spanMs, Recorder r, SensorLayout layout) {
        this.ticks = ticks;
        this.spanMs = spanMs;
        this.frames = r.frames;
        this.frameStart = Arrays.copyOf(r.frameStart, frames + 1);
        this.frameStart[frames] = r.samples;
        this.frameDevice = Arrays.copyOf(r.frameDevice, frames);
        this.frameTime = Arrays.copyOf(r.frameTime, frames);
        this.frameSeq = Arrays.copyOf(r.frameSeq, frames);
        this.sensors = r.sensors;
        this.values = r.values;
        this.counterAt = counterPositions(layout);
        this.counterRise = risePerPass(layout);
    }

    /** Records {@code ticks} ticks of a healthy simulation of {@code layout} at one frame per device per second. */
    static RecordedTicks record(SensorLayout layout, long seed, long startMs, int ticks) {
        SimulationSettings settings = SimulationSettings.everySecond(seed, startMs);
        Simulator sim = new Simulator(layout, settings, Scenario.healthy());
        Recorder r = new Recorder();
        sim.tick(r);
        r.reserve((long) r.samples * ticks + r.samples / 8, r.frames * ticks);
        for (int t = 1; t < ticks; t++) {
            sim.tick(r);
        }
        return new RecordedTicks(ticks, ticks * settings.periodMillis(), r, layout);
    }

    /** Samples in the recording. */
    long samples() {
        return frameStart[frames];
    }

    /** Frames in the recording. */
    int frames() {
        return frames;
    }

    /** Ticks in the recording. */
    int ticks() {
        return ticks;
    }

    /** Fills {@code frame} with the next frame of the endless replay; returns its number of samples. */
    int next(FrameBuffer frame) {
        int f = next;
        frame.begin(frameDevice[f], frameTime[f] + pass * spanMs);
        frame.seq(frameSeq[f] + pass * ticks);
        for (int i = frameStart[f], end = frameStart[f + 1]; i < end; i++) {
            frame.add(sensors[i], values[i]);
        }
        if (++next == frames) {
            next = 0;
            pass++;
            for (int k = 0; k < counterAt.length; k++) {
                values[counterAt[k]] += counterRise[k];
            }
        }
        return frame.size();
    }

    /** The sample positions of every counter reading. */
    private int[] counterPositions(SensorLayout layout) {
        int[] at = new int[64];
        int k = 0;
        for (int i = 0, end = frameStart[frames]; i < end; i++) {
            if (layout.metricOf(sensors[i]).type() == Metric.Type.COUNTER) {
                if (k == at.length) {
                    at = Arrays.copyOf(at, k * 2);
                }
                at[k++] = i;
            }
        }
        return Arrays.copyOf(at, k);
    }

    /**
     * Each counter reading's rise per pass: the counter's rise over the recording plus one average
     * step, so that the seam steps like any other tick.
     */
    private double[] risePerPass(SensorLayout layout) {
        double[] first = new double[layout.sensorCount()];
        double[] last = new double[layout.sensorCount()];
        Arrays.fill(first, Double.NaN);
        for (int i : counterAt) {
            int s = sensors[i];
            if (Double.isNaN(first[s])) {
                first[s] = values[i];
            }
            last[s] = values[i];
        }
        double[] rise = new double[counterAt.length];
        for (int k = 0; k < counterAt.length; k++) {
            int s = sensors[counterAt[k]];
            rise[k] = Math.round((last[s] - first[s]) * ticks / Math.max(1, ticks - 1));
        }
        return rise;
    }

    /** Copies the simulator's frames into growing flat arrays. */
    private static final class Recorder implements FrameSink {
        int frames;
        int samples;
        int[] frameStart = new int[1024];
        int[] frameDevice = new int[1024];
        long[] frameTime = new long[1024];
        long[] frameSeq = new long[1024];
        int[] sensors = new int[1 << 16];
        double[] values = new double[1 << 16];

        void reserve(long totalSamples, int totalFrames) {
            if (totalSamples > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("recording of " + totalSamples + " samples does not fit an array");
            }
            growSamples((int) totalSamples);
            growFrames(totalFrames + 1);
        }

        @Override
        public void accept(FrameBuffer frame) {
            growFrames(frames + 2);
            growSamples(samples + frame.size());
            frameStart[frames] = samples;
            frameDevice[frames] = frame.device();
            frameTime[frames] = frame.timestamp();
            frameSeq[frames] = frame.seq();
            frames++;
            for (int i = 0, n = frame.size(); i < n; i++) {
                sensors[samples] = frame.sensor(i);
                values[samples++] = frame.value(i);
            }
        }

        private void growFrames(int needed) {
            if (needed > frameStart.length) {
                int c = Math.max(needed, frameStart.length * 2);
                frameStart = Arrays.copyOf(frameStart, c);
                frameDevice = Arrays.copyOf(frameDevice, c);
                frameTime = Arrays.copyOf(frameTime, c);
                frameSeq = Arrays.copyOf(frameSeq, c);
            }
        }

        private void growSamples(int needed) {
            if (needed > sensors.length) {
                int c = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, sensors.length * 2L));
                sensors = Arrays.copyOf(sensors, c);
                values = Arrays.copyOf(values, c);
            }
        }
    }
}
