package dev.supernodetwin.core.evaluate;

import java.util.List;
import java.util.Objects;

/**
 * How the twin did on one case.
 *
 * @param evaluated   the case scored
 * @param faults      one score per ground-truth fault, negative ones included
 * @param falseAlarms ids of hardware alerts (category not sensor) that matched no injected, non-negative fault
 */
public record CaseScore(EvaluationCase evaluated, List<FaultScore> faults, List<String> falseAlarms) {

    /** Copies the lists. */
    public CaseScore {
        Objects.requireNonNull(evaluated, "evaluated");
        faults = List.copyOf(faults);
        falseAlarms = List.copyOf(falseAlarms);
    }

    /** False hardware alarms per 1,000 device-days in this case. */
    public double falseAlarmRate() {
        return falseAlarms.size() / evaluated.deviceDays() * 1000;
    }
}
