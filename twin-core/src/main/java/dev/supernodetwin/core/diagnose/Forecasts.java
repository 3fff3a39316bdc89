package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.detect.HoltSpec;
import dev.supernodetwin.core.detect.HoltTrend;

/**
 * Reads every Holt forecaster of the bank at an evaluation and reports the sensors predicted to
 * cross their rule's target within its horizon, with enough confidence, at several evaluations in a
 * row: a trend has to persist before it is worth a prediction (a job starting warms every GPU for a
 * minute, and that is not a failure on its way).
 */
final class Forecasts {
    /** One sensor forecast to cross its target. */
    record Forecast(int sensor, long eta, double confidence, String ruleId) {
    }

    /** What a scan reports to. */
    interface Listener {
        void forecast(Forecast f);
    }

    private final SensorBank bank;
    private final double minConfidence;
    private final int persistence;
    private final byte[][] streak;

    Forecasts(SensorBank bank, double minConfidence, int persistence) {
        this.bank = bank;
        this.minConfidence = minConfidence;
        this.persistence = persistence;
        streak = new byte[bank.ruleCount()][];
        for (int r = 0; r < bank.ruleCount(); r++) {
            if (bank.holt(r) != null) {
                streak[r] = new byte[bank.sensorsOf(r).length];
            }
        }
    }

    /** Scans every forecaster at event time {@code now}. */
    void scan(long now, Listener out) {
        for (int r = 0; r < streak.length; r++) {
            HoltTrend holt = bank.holt(r);
            if (holt == null) {
                continue;
            }
            HoltSpec spec = (HoltSpec) bank.rule(r).detector();
            int[] sensors = bank.sensorsOf(r);
            byte[] s = streak[r];
            for (int slot = 0; slot < sensors.length; slot++) {
                double ttt = holt.timeToThreshold(slot, spec.target());
                boolean soon = ttt <= spec.horizonMs() && holt.confidence(slot) >= minConfidence;
                if (!soon) {
                    s[slot] = 0;
                    continue;
                }
                if (s[slot] < persistence) {
                    s[slot]++;
                }
                if (s[slot] >= persistence) {
                    out.forecast(new Forecast(sensors[slot], now + Math.round(ttt), holt.confidence(slot),
                            bank.rule(r).id()));
                }
            }
        }
    }
}
