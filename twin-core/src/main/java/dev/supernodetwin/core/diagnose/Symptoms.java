package dev.supernodetwin.core.diagnose;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The symptoms of one evaluation, sorted by where they sit in the supernode: the input of
 * {@link RootCauseAnalyzer}. Maps go from a device or a global lane index to the worst
 * {@link SensorBank} level seen on it.
 */
final class Symptoms {
    final Map<Integer, Integer> leaks = new HashMap<>();
    final Map<Integer, Integer> cdus = new HashMap<>();
    final Map<Integer, Integer> plates = new HashMap<>();
    /** Heat sources (GPU, switch, engine) too warm, by threshold, trend or apart from their peers. */
    final Map<Integer, Integer> hot = new HashMap<>();
    /** CDUs on whose loop most heat sources are warm together. */
    final Set<Integer> hotLoops = new HashSet<>();
    /** Devices forecast to run too hot. */
    final Set<Integer> warming = new HashSet<>();
    /** Engine lanes getting too little light from their laser (laser input power). */
    final Map<Integer, Integer> fed = new HashMap<>();
    /** Engine lanes launching too little light (tx power, own laser's bias). */
    final Map<Integer, Integer> tx = new HashMap<>();
    /** Engine lanes receiving badly (rx power, BER, eSNR, FEC, LOS). */
    final Map<Integer, Integer> rx = new HashMap<>();
    /** Lasers (ELS lanes) unwell by their own readings. */
    final Map<Integer, Integer> lasers = new HashMap<>();
    /** OCS ports whose own loss rose. */
    final Map<Integer, Integer> ports = new HashMap<>();
    /** GPUs with error counters or states raised. */
    final Map<Integer, Integer> gpuOther = new HashMap<>();

    private final IntFunction<String> laserReason;

    Symptoms(IntFunction<String> laserReason) {
        this.laserReason = laserReason;
    }

    /** Why a laser is blamed, from its own readings: output down, worn out, or fine (coupling). */
    String laserReason(int laser) {
        return laserReason.apply(laser);
    }

    static void worst(Map<Integer, Integer> map, int key, int level) {
        map.merge(key, level, Math::max);
    }
}
