package dev.supernodetwin.core.topology;

import java.util.List;
import java.util.Objects;

/**
 * A topology as written (wire format §1, explicit form), before validation. Readers at the edge build
 * it from JSON or YAML; presets build it directly. {@link TopologyValidator} checks it and
 * {@link Topology#of(TopologyDocument)} indexes it.
 *
 * @param supernode the supernode id every device id starts with
 * @param devices   every device
 * @param feeds     which lanes each laser lights
 * @param links     which two lanes form a link, through which OCS ports
 */
public record TopologyDocument(String supernode, List<DeviceSpec> devices, List<FeedSpec> feeds,
                               List<LinkSpec> links) {

    /** Copies the lists so the document cannot change after construction. */
    public TopologyDocument {
        Objects.requireNonNull(supernode, "supernode");
        devices = List.copyOf(devices);
        feeds = List.copyOf(feeds);
        links = List.copyOf(links);
    }

    /**
     * One laser and the lanes it lights.
     *
     * @param laser a laser lane of an ELS, {@code ELS#INDEX}
     * @param lanes engine lanes, {@code OE#INDEX}
     */
    public record FeedSpec(String laser, List<String> lanes) {
        /** Copies the lane list. */
        public FeedSpec {
            Objects.requireNonNull(laser, "laser");
            lanes = List.copyOf(lanes);
        }
    }

    /**
     * One optical link between two engine lanes.
     *
     * @param a        one end, {@code OE#INDEX}
     * @param b        the other end, {@code OE#INDEX}
     * @param via      OCS ports the link passes through, {@code OCS#PORT}, possibly empty
     * @param budgetDb the loss the link may suffer end to end, in dB
     */
    public record LinkSpec(String a, String b, List<String> via, double budgetDb) {
        /** Copies the port list. */
        public LinkSpec {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            via = List.copyOf(via);
        }
    }
}
