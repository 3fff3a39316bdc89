package dev.supernodetwin.core.detect;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.EngineForm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The detection rules of a twin: an immutable list of {@link Rule}s, the defaults of domain §10
 * ({@link #defaults()}) possibly overridden from a rules file.
 *
 * @param rules the rules, in order
 */
public record RuleSet(List<Rule> rules) {
    public RuleSet {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    }

    /** The rule sheet of domain §10 with the detector stacks of §6.2; see {@link DefaultRules}. */
    public static RuleSet defaults() {
        return new RuleSet(DefaultRules.all());
    }

    /**
     * This set with {@code overrides} applied: an override replaces the rule with the same
     * {@link Rule#key()}, and is added when there is none.
     */
    public RuleSet withOverrides(List<Rule> overrides) {
        Map<Rule.Key, Rule> byKey = new LinkedHashMap<>();
        for (Rule r : rules) {
            byKey.put(r.key(), r);
        }
        for (Rule r : overrides) {
            byKey.put(r.key(), r);
        }
        return new RuleSet(new ArrayList<>(byKey.values()));
    }

    /** This set without the rules whose key is in {@code keys}. */
    public RuleSet without(Set<Rule.Key> keys) {
        return new RuleSet(rules.stream().filter(r -> !keys.contains(r.key())).toList());
    }

    /**
     * The rules that apply to {@code metric} of a device of {@code kind} and {@code form}: a rule for
     * that very form wins over a rule for every form with the same detector variant.
     */
    public List<Rule> rulesFor(DeviceKind kind, Optional<EngineForm> form, Metric metric) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.kind() != kind || r.metric() != metric) {
                continue;
            }
            if (r.form().isPresent() && !r.form().equals(form)) {
                continue;
            }
            if (r.form().isEmpty() && form.isPresent() && hasFormSpecific(r, form.get())) {
                continue;
            }
            out.add(r);
        }
        return out;
    }

    private boolean hasFormSpecific(Rule general, EngineForm form) {
        Rule.Key k = general.key();
        Rule.Key specific = new Rule.Key(k.kind(), Optional.of(form), k.metric(), k.transform(), k.variant());
        return rules.stream().anyMatch(r -> r.key().equals(specific));
    }

    /** Every problem with every rule, each saying where; empty when the set is usable. */
    public List<RuleProblem> validate() {
        List<RuleProblem> out = new ArrayList<>();
        Set<Rule.Key> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String where = "rules[" + i + "] " + r.where();
            for (String p : problemsOf(r)) {
                out.add(new RuleProblem(where, p));
            }
            if (!seen.add(r.key())) {
                out.add(new RuleProblem(where, "a rule with the same kind, form, metric, transform and detector "
                        + "already exists; one would silently shadow the other"));
            }
        }
        return out;
    }

    /** Problems of one rule on its own (without looking at the others). */
    public static List<String> problemsOf(Rule r) {
        List<String> out = new ArrayList<>();
        if (r.id().isBlank()) {
            out.add("id must not be blank");
        }
        DeviceKind kind = r.kind();
        Metric metric = r.metric();
        if (kind.deviceSlot(metric) < 0 && kind.laneSlot(metric) < 0) {
            out.add("metric " + metric.wireName() + " is not reported by kind " + kind.wireName());
        }
        if (r.form().isPresent() && kind != DeviceKind.OE) {
            out.add("form applies to oe rules only, not to " + kind.wireName());
        }
        String misuse = r.transform().misuse(kind, metric);
        if (!misuse.isEmpty()) {
            out.add(misuse);
        }
        String type = r.detector().typeName();
        boolean fits = switch (metric.type()) {
            case GAUGE -> !type.equals("counter_rate");
            case COUNTER -> type.equals("counter_rate") || type.equals("thresholds") || type.equals("holt");
            case STATE -> type.equals("thresholds");
        };
        if (!fits) {
            out.add(type + " does not apply to " + metric.type().name().toLowerCase() + " metric "
                    + metric.wireName());
        }
        for (String p : r.detector().problems()) {
            out.add(type + ": " + p);
        }
        return out;
    }
}
