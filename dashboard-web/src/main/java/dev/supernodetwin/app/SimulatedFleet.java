package dev.supernodetwin.app;

import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.core.sim.FaultSpec;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several supernodes of one preset simulated side by side, for {@code twin simulate --supernode a,b,c}:
 * each under its own id, with its own seed and the scenario's faults that name it, ticked together so
 * their event times stay in step.
 */
final class SimulatedFleet {
    private final List<SensorLayout> layouts;
    private final List<Simulator> simulators;

    private SimulatedFleet(List<SensorLayout> layouts, List<Simulator> simulators) {
        this.layouts = layouts;
        this.simulators = simulators;
    }

    /**
     * One simulator per id, all of {@code preset}, starting at {@code base}'s start and period; the
     * i-th id gets {@link #seedOf seedOf(base.seed(), i)} and the faults of {@code scenario} that name it.
     *
     * @throws IllegalArgumentException when a fault names none of the ids, or does not fit its supernode
     */
    static SimulatedFleet of(String preset, List<String> ids, SimulationSettings base, Scenario scenario) {
        checkScenarioNamesOnly(scenario, ids);
        List<SensorLayout> layouts = new ArrayList<>();
        List<Simulator> simulators = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            SensorLayout layout = new SensorLayout(Topology.of(Presets.expand(preset, ids.get(i))));
            layouts.add(layout);
            simulators.add(new Simulator(layout, new SimulationSettings(seedOf(base.seed(), i), base.startMillis(),
                    base.periodMillis()), scenarioFor(scenario, ids.get(i))));
        }
        return new SimulatedFleet(List.copyOf(layouts), List.copyOf(simulators));
    }

    /**
     * The supernode ids of a comma-separated list such as {@code sn01,sn02}, in order.
     *
     * @throws IllegalArgumentException naming the rule broken: an empty entry, an id with '/' or
     *                                  whitespace, {@code *}, or an id given twice
     */
    static List<String> parseIds(String text) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : text.split(",", -1)) {
            if (id.isEmpty()) {
                throw new IllegalArgumentException("an empty id in '" + text + "': write ids separated by single commas");
            }
            if (id.equals("*")) {
                throw new IllegalArgumentException("'*' (every supernode that arrives) is for twin run; the simulator"
                        + " needs the ids to make, e.g. sn01,sn02");
            }
            if (id.contains("/") || id.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("'" + id + "' is not a supernode id: no '/' and no whitespace");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException("'" + id + "' is listed twice");
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The seed of the {@code index}-th supernode of a list: the first runs with {@code seed} itself (so it
     * is the same as simulating it alone), the others with a seed mixed from both, so no two are alike.
     */
    static long seedOf(long seed, int index) {
        // Not seed + index * golden gamma: SplittableRandom would then give the first supernode's stream
        // shifted by one draw.
        return index == 0 ? seed : mix(seed ^ mix(index));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The faults of {@code scenario} whose target is in supernode {@code id}. */
    static Scenario scenarioFor(Scenario scenario, String id) {
        return new Scenario(scenario.faults().stream().filter(f -> supernodeOf(f).equals(id)).toList());
    }

    private static void checkScenarioNamesOnly(Scenario scenario, List<String> ids) {
        List<FaultSpec> faults = scenario.faults();
        for (int i = 0; i < faults.size(); i++) {
            String target = supernodeOf(faults.get(i));
            if (!ids.contains(target)) {
                throw new IllegalArgumentException("scenario faults[" + i + "].target: supernode '" + target
                        + "' is not one of --supernode " + String.join(",", ids));
            }
        }
    }

    /** The supernode a fault's target is in: the id before the first '/', '#' or space. */
    private static String supernodeOf(FaultSpec fault) {
        String t = fault.target().strip();
        int end = t.length();
        for (char c : new char[] {'/', '#', ' '}) {
            int at = t.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return t.substring(0, end);
    }

    /** The layouts, in list order. */
    List<SensorLayout> layouts() {
        return layouts;
    }

    /** The simulator of the first supernode, whose event time all of them share. */
    Simulator first() {
        return simulators.get(0);
    }

    /** Advances every supernode by one tick, each into the sink at its position. */
    void tick(List<? extends FrameSink> sinks) {
        for (int i = 0; i < simulators.size(); i++) {
            simulators.get(i).tick(sinks.get(i));
        }
    }
}
