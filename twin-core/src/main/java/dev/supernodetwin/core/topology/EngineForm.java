package dev.supernodetwin.core.topology;

import java.util.Optional;

/** How an optical engine is packaged relative to its host (wire format §1, {@code form}). */
public enum EngineForm {
    /** A pluggable module in a cage, with its own lasers and DSP. */
    PLUGGABLE("pluggable"),
    /** Linear-drive pluggable optics: no DSP, host SerDes drives the optics. */
    LPO("lpo"),
    /** Near-packaged optics on the host board, beside the package. */
    NPO("npo"),
    /** Co-packaged optics on the host package substrate. */
    CPO("cpo"),
    /** Optical I/O chiplets inside the host package. */
    OIO("oio");

    private final String wireName;

    EngineForm(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in topology documents, e.g. {@code "cpo"}. */
    public String wireName() {
        return wireName;
    }

    /** Looks a form up by its wire name. */
    public static Optional<EngineForm> fromWireName(String name) {
        for (EngineForm form : values()) {
            if (form.wireName.equals(name)) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }
}
