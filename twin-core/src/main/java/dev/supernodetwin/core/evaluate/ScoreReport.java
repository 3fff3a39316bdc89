package dev.supernodetwin.core.evaluate;

import dev.supernodetwin.core.sim.FaultType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The scores of a whole suite, aggregated per fault type and checked against the {@link Bars}. A bar
 * with nothing to measure fails: an empty suite proves nothing.
 *
 * @param cases one score per case
 * @param bars  the bars checked
 */
public record ScoreReport(List<CaseScore> cases, Bars bars) {

    /** Copies the list. */
    public ScoreReport {
        cases = List.copyOf(cases);
        Objects.requireNonNull(bars, "bars");
    }

    /** Every fault score of the suite, negative ones included. */
    public List<FaultScore> faults() {
        return cases.stream().flatMap(c -> c.faults().stream()).toList();
    }

    /** Fault scores grouped by type, in code order. */
    public Map<FaultType, List<FaultScore>> byType() {
        Map<FaultType, List<FaultScore>> map = new TreeMap<>();
        for (FaultScore f : faults()) {
            map.computeIfAbsent(f.truth().fault(), k -> new ArrayList<>()).add(f);
        }
        return map;
    }

    /** Injected faults the twin should detect (not negative). */
    public List<FaultScore> injected() {
        return faults().stream().filter(f -> !f.truth().negative()).toList();
    }

    /** False hardware alarms over the healthy and negative cases. */
    public int controlFalseAlarms() {
        return cases.stream().filter(c -> c.evaluated().control()).mapToInt(c -> c.falseAlarms().size()).sum();
    }

    /** Device-days of the healthy and negative cases. */
    public double controlDeviceDays() {
        return cases.stream().filter(c -> c.evaluated().control()).mapToDouble(c -> c.evaluated().deviceDays()).sum();
    }

    /** Every bar, in the order of the issue. */
    public List<BarResult> barResults() {
        List<FaultScore> injected = injected();
        List<FaultScore> multi = of(injected, f -> FaultClasses.MULTI_LANE.contains(f.truth().fault()));
        List<FaultScore> step = of(injected, f -> FaultClasses.STEP.contains(f.truth().fault()));
        List<FaultScore> ageing = of(injected, f -> FaultClasses.AGEING.contains(f.truth().fault()));
        List<BarResult> out = new ArrayList<>();
        out.add(share("injected faults detected", injected, FaultScore::detected, bars.minDetected()));
        out.add(share("root cause right (multi-lane faults)", multi,
                f -> f.rootCauseCorrect().orElse(false), bars.minRootCauseCorrect()));
        out.add(share("faults raising exactly one alert", injected, f -> f.alerts() == 1, bars.minSingleAlert()));
        out.add(falseAlarms());
        out.add(share(String.format(Locale.ROOT, "step faults detected within %s samples",
                        number(bars.maxStepLatencySamples())), step,
                f -> f.latencySamples().isPresent() && f.latencySamples().getAsDouble() <= bars.maxStepLatencySamples(),
                bars.minStepOnTime()));
        out.add(share(String.format(Locale.ROOT, "laser ageing predicted (lead ≥ %s, eta error ≤ %s)",
                        percent(bars.minLeadFraction()), percent(bars.maxEtaError())), ageing,
                f -> f.leadFraction().orElse(-1) >= bars.minLeadFraction()
                        && f.etaError().orElse(Double.POSITIVE_INFINITY) <= bars.maxEtaError(),
                bars.minAgeingPredicted()));
        return out;
    }

    /** Whether every bar passed. */
    public boolean passed() {
        return barResults().stream().allMatch(BarResult::passed);
    }

    private BarResult falseAlarms() {
        double days = controlDeviceDays();
        int count = controlFalseAlarms();
        String basis = String.format(Locale.ROOT, "%d over %.1f device-days", count, days);
        if (days <= 0) {
            return new BarResult("false hardware alarms per 1,000 device-days (healthy + negative cases)", "—",
                    "≤ " + number(bars.maxFalseAlarmsPer1000DeviceDays()), "no healthy or negative case", false);
        }
        double rate = count / days * 1000;
        return new BarResult("false hardware alarms per 1,000 device-days (healthy + negative cases)",
                String.format(Locale.ROOT, "%.2f", rate), "≤ " + number(bars.maxFalseAlarmsPer1000DeviceDays()),
                basis, rate <= bars.maxFalseAlarmsPer1000DeviceDays());
    }

    private static BarResult share(String name, List<FaultScore> over, Predicate<FaultScore> ok, double min) {
        long hits = over.stream().filter(ok).count();
        String basis = hits + " of " + over.size() + " faults";
        if (over.isEmpty()) {
            return new BarResult(name, "—", "≥ " + percent(min), "no faults of this kind in the suite", false);
        }
        double value = (double) hits / over.size();
        return new BarResult(name, percent(value), "≥ " + percent(min), basis, value >= min);
    }

    private static List<FaultScore> of(List<FaultScore> all, Predicate<FaultScore> keep) {
        return all.stream().filter(keep).toList();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
