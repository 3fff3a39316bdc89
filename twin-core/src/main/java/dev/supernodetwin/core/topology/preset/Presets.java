package dev.supernodetwin.core.topology.preset;

import dev.supernodetwin.core.topology.EngineForm;
import dev.supernodetwin.core.topology.TopologyDocument;

import java.util.List;
import java.util.Optional;

/**
 * Built-in supernodes that look like real hardware (domain reference §3–4). Each expands to the
 * explicit topology form, so anything a preset can do a hand-written document can do too.
 *
 * <ul>
 *   <li>{@code cpo-72}: NVL72-like. One rack, 18 compute trays × 4 GPUs, 16 scale-up switch ASICs on
 *   8 switch trays; co-packaged engines of 8 × 200G lanes; every external laser lights 4 lanes (the
 *   "eight lasers to two" of a 1.6T engine); links point to point; one CDU.</li>
 *   <li>{@code npo-256}: four racks of 64 GPUs with near-packaged engines; every link crosses an
 *   optical circuit switch; a CDU per two racks.</li>
 *   <li>{@code oio-1024}: eight racks of 128 GPUs with optical-I/O chiplets, links through OCS, four
 *   CDUs: about 33,000 optical lanes.</li>
 * </ul>
 */
public final class Presets {

    private static final List<PresetSpec> SPECS = List.of(
            new PresetSpec("cpo-72", "NVL72-like rack: 72 GPUs, 16 switch ASICs, CPO engines, external lasers, 1 CDU",
                    1, 18, 4, 4, 8, 2, 8, 200, EngineForm.CPO, 4, 16, 0, 1, 1000, 350, 4.0),
            new PresetSpec("npo-256", "4 racks, 256 GPUs, 32 switch ASICs, NPO engines, links through OCS, 2 CDUs",
                    4, 16, 4, 2, 4, 2, 8, 200, EngineForm.NPO, 4, 16, 512, 2, 1000, 350, 6.5),
            new PresetSpec("oio-1024", "8 racks, 1,024 GPUs, 128 switch ASICs, optical-I/O engines, links through OCS, 4 CDUs",
                    8, 32, 4, 2, 8, 2, 8, 200, EngineForm.OIO, 4, 16, 512, 2, 1000, 350, 6.5));

    private Presets() {
    }

    /** The preset parameters, in the order they are listed to users. */
    public static List<PresetSpec> all() {
        return SPECS;
    }

    /** The parameters of preset {@code name}, if it exists. */
    public static Optional<PresetSpec> spec(String name) {
        return SPECS.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Names of every preset. */
    public static List<String> names() {
        return SPECS.stream().map(PresetSpec::name).toList();
    }

    /**
     * Expands preset {@code name} for supernode {@code supernode}.
     *
     * @throws IllegalArgumentException naming the presets that exist, when there is no such preset
     */
    public static TopologyDocument expand(String name, String supernode) {
        PresetSpec spec = spec(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown preset '" + name + "'; choose one of " + String.join(", ", names())));
        return new PresetGenerator(spec, supernode).generate();
    }
}
