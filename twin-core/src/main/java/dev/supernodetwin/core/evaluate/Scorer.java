package dev.supernodetwin.core.evaluate;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.sim.GroundTruth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Matches alert events to ground-truth faults and scores each fault.
 *
 * <p>A firing event matches a fault when it fires inside the fault's {@link MatchWindow} and the components
 * it names (root cause, device or lane, affected) overlap the fault's (root cause and affected). A device
 * overlaps its own lanes ({@code X} and {@code X#3}). Only firing events count; an alert is one id.
 */
public final class Scorer {
    private final MatchWindow window;

    /** A scorer matching within {@code window}. */
    public Scorer(MatchWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    /** Scores every fault of the case and lists the false hardware alarms. */
    public CaseScore score(EvaluationCase c) {
        List<AlertEvent> firing = c.alerts().stream().filter(a -> a.state() == AlertEvent.State.FIRING).toList();
        Set<String> explained = new HashSet<>();
        List<FaultScore> scores = new ArrayList<>();
        for (GroundTruth truth : c.truths()) {
            List<AlertEvent> matched = firing.stream().filter(a -> matches(a, truth)).toList();
            if (!truth.negative()) {
                matched.forEach(a -> explained.add(a.id()));
            }
            scores.add(scoreFault(truth, matched, c.periodMillis()));
        }
        Set<String> falseAlarms = new LinkedHashSet<>();
        for (AlertEvent a : firing) {
            if (a.category() != AlertEvent.Category.SENSOR && !explained.contains(a.id())) {
                falseAlarms.add(a.id());
            }
        }
        return new CaseScore(c, scores, List.copyOf(falseAlarms));
    }

    /** Whether a firing event counts for a fault: inside its window and about the same components. */
    public boolean matches(AlertEvent alert, GroundTruth truth) {
        if (alert.ts() < truth.onsetMillis() - window.onsetToleranceMillis()) {
            return false;
        }
        if (truth.endMillis().isPresent() && alert.ts() >= truth.endMillis().getAsLong() + window.graceMillis()) {
            return false;
        }
        Set<String> faultParts = new HashSet<>(truth.affected());
        faultParts.add(truth.rootCause());
        for (String named : named(alert)) {
            for (String part : faultParts) {
                if (overlaps(named, part)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static FaultScore scoreFault(GroundTruth truth, List<AlertEvent> matched, long period) {
        OptionalLong latency = OptionalLong.empty();
        Optional<Boolean> rootCause = Optional.empty();
        if (!matched.isEmpty()) {
            AlertEvent first = matched.get(0);
            latency = OptionalLong.of(first.ts() - truth.onsetMillis());
            rootCause = Optional.of(blamed(first).equals(truth.rootCause()));
        }
        int alerts = (int) matched.stream().map(AlertEvent::id).distinct().count();
        int hardware = (int) matched.stream().filter(a -> a.category() != AlertEvent.Category.SENSOR)
                .map(AlertEvent::id).distinct().count();
        OptionalLong lead = OptionalLong.empty();
        OptionalDouble etaError = OptionalDouble.empty();
        Optional<AlertEvent> prediction = matched.stream()
                .filter(a -> a.kind() == AlertEvent.Kind.PREDICTION).findFirst();
        if (prediction.isPresent() && truth.failureMillis().isPresent()) {
            long failure = truth.failureMillis().getAsLong();
            long life = failure - truth.onsetMillis();
            lead = OptionalLong.of(failure - prediction.get().ts());
            if (life > 0) {
                etaError = OptionalDouble.of(Math.abs(prediction.get().eta().getAsLong() - failure) / (double) life);
            }
        }
        return new FaultScore(truth, period, latency, rootCause, alerts, hardware, lead, etaError);
    }

    /** The alert's root cause as ground truth writes it: {@code DEVICE} or {@code DEVICE#LANE}. */
    static String blamed(AlertEvent alert) {
        AlertEvent.RootCause rc = alert.rootCause();
        return rc.lane().isPresent() ? rc.device() + "#" + rc.lane().getAsInt() : rc.device();
    }

    private static List<String> named(AlertEvent alert) {
        List<String> names = new ArrayList<>(alert.affected());
        names.add(blamed(alert));
        names.add(alert.lane().isPresent() ? alert.device() + "#" + alert.lane().getAsInt() : alert.device());
        return names;
    }

    /** Equal, or one is a device and the other a lane of it. */
    static boolean overlaps(String a, String b) {
        return a.equals(b) || b.startsWith(a + "#") || a.startsWith(b + "#");
    }
}
