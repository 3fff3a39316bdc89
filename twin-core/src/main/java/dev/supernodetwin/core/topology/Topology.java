package dev.supernodetwin.core.topology;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable, indexed supernode: devices by index, id and kind; lanes (engine channels, lasers, OCS
 * ports) by a global lane index; which lanes each laser lights; links and their OCS ports; cooling
 * paths; and the reverse look-ups root-cause analysis needs. Indices are dense ints so that per-device
 * and per-lane state can live in primitive arrays.
 */
public final class Topology {
    static final int NONE = -1;

    private final TopologyDocument document;
    private final List<Device> devices;
    private final Map<String, Integer> indexById;
    private final Map<DeviceKind, IntSeq> byKind;
    private final int[] laneBase;
    private final int[] laneDevice;
    private final int[] laserOfLane;
    private final IntSeq[] litBy;
    private final List<Link> links;
    private final int[] linkOfLane;
    private final IntSeq[] linksThroughPort;
    private final int[] hostOf;
    private final IntSeq[] enginesOf;
    private final int[] coolantOf;
    private final int[] loopOf;
    private final IntSeq[] cooledBy;
    private final IntSeq[] onLoop;

    private Topology(TopologyDocument document, TopologyIndex b) {
        this.document = document;
        this.devices = List.copyOf(b.devices);
        this.indexById = Map.copyOf(b.indexById);
        this.byKind = Map.copyOf(b.byKind());
        this.laneBase = b.laneBase;
        this.laneDevice = b.laneDevice;
        this.laserOfLane = b.laserOfLane;
        this.litBy = b.litBy;
        this.links = List.copyOf(b.links);
        this.linkOfLane = b.linkOfLane;
        this.linksThroughPort = b.linksThroughPort;
        this.hostOf = b.hostOf;
        this.enginesOf = b.group(b.hostOf);
        this.coolantOf = b.coolantOf;
        this.loopOf = b.loopOf;
        this.cooledBy = b.group(b.coolantOf);
        this.onLoop = b.group(b.loopOf);
    }

    /**
     * Validates and indexes a document.
     *
     * @throws InvalidTopologyException listing every problem, when the document is not valid
     */
    public static Topology of(TopologyDocument document) {
        List<TopologyProblem> problems = TopologyValidator.validate(document);
        if (!problems.isEmpty()) {
            throw new InvalidTopologyException(problems);
        }
        return new Topology(document, new TopologyIndex(document));
    }

    /** The document this topology was built from (the explicit form). */
    public TopologyDocument document() {
        return document;
    }

    /** The supernode id. */
    public String supernode() {
        return document.supernode();
    }

    /** Number of devices. */
    public int deviceCount() {
        return devices.size();
    }

    /** Device {@code index}. */
    public Device device(int index) {
        return devices.get(index);
    }

    /** Every device, in index order. */
    public List<Device> devices() {
        return devices;
    }

    /** The index of the device with this id, if there is one. */
    public OptionalInt indexOf(String id) {
        Integer i = indexById.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** Indices of every device of {@code kind}, in index order. */
    public IntSeq devicesOfKind(DeviceKind kind) {
        return byKind.getOrDefault(kind, IntSeq.EMPTY);
    }

    /** Total number of lanes (engine channels, lasers and OCS ports) in the supernode. */
    public int laneCount() {
        return laneDevice.length;
    }

    /** Global index of lane {@code number} of device {@code device}. */
    public int lane(int device, int number) {
        int count = devices.get(device).laneCount();
        if (number < 0 || number >= count) {
            throw new IllegalArgumentException("lane " + number + " out of range for " + devices.get(device).id()
                    + " with " + count + " lanes");
        }
        return laneBase[device] + number;
    }

    /** Global index of the lane a {@code DEVICE#INDEX} reference names, if it exists. */
    public OptionalInt lane(String ref) {
        Optional<LaneRef> parsed = LaneRef.parse(ref);
        if (parsed.isEmpty()) {
            return OptionalInt.empty();
        }
        OptionalInt dev = indexOf(parsed.get().device());
        if (dev.isEmpty() || parsed.get().index() >= devices.get(dev.getAsInt()).laneCount()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(laneBase[dev.getAsInt()] + parsed.get().index());
    }

    /** The device a global lane belongs to. */
    public int laneDevice(int lane) {
        return laneDevice[lane];
    }

    /** The lane's number within its device. */
    public int laneNumber(int lane) {
        return lane - laneBase[laneDevice[lane]];
    }

    /** The lane written as {@code DEVICE#INDEX}. */
    public String laneName(int lane) {
        return devices.get(laneDevice[lane]).id().value() + "#" + laneNumber(lane);
    }

    /** The laser (a global lane of an ELS) that lights an engine lane, if any. */
    public OptionalInt laserOf(int lane) {
        return optional(laserOfLane[lane]);
    }

    /** The engine lanes a laser lights; empty for a lane that is not a fed laser. */
    public IntSeq litBy(int laser) {
        IntSeq lanes = litBy[laser];
        return lanes == null ? IntSeq.EMPTY : lanes;
    }

    /** Every link, in document order. */
    public List<Link> links() {
        return links;
    }

    /** The link an engine lane is an end of, if any. */
    public Optional<Link> linkOf(int lane) {
        int l = linkOfLane[lane];
        return l == NONE ? Optional.empty() : Optional.of(links.get(l));
    }

    /** Indices of the links that pass through an OCS port (a global lane of an OCS). */
    public IntSeq linksThrough(int port) {
        IntSeq through = linksThroughPort[port];
        return through == null ? IntSeq.EMPTY : through;
    }

    /**
     * The cross-connect an OCS port belongs to, named by its first port: of the ports a link passes on
     * the same switch (one per direction through one mirror pair), the first on the link's path. A
     * port that carries no link is its own.
     */
    public int crossConnectOf(int port) {
        IntSeq through = linksThrough(port);
        if (through.isEmpty()) {
            return port;
        }
        IntSeq via = links.get(through.get(0)).via();
        int ocs = laneDevice[port];
        for (int i = 0; i < via.size(); i++) {
            if (laneDevice[via.get(i)] == ocs) {
                return via.get(i);
            }
        }
        return port;
    }

    /** The GPU or switch an engine belongs to, if named. */
    public OptionalInt hostOf(int device) {
        return optional(hostOf[device]);
    }

    /** The engines that belong to a GPU or switch. */
    public IntSeq enginesOf(int host) {
        return enginesOf[host];
    }

    /** The cold plate or CDU that cools a device, if named. */
    public OptionalInt coolantOf(int device) {
        return optional(coolantOf[device]);
    }

    /** The devices a cold plate (or a CDU directly) cools. */
    public IntSeq cooledBy(int coolant) {
        return cooledBy[coolant];
    }

    /** The CDU whose loop a device hangs on, through its cold plate if it has one. */
    public OptionalInt loopOf(int device) {
        return optional(loopOf[device]);
    }

    /** Every device on a CDU's loop: cold plates, leak sensors and the devices they cool. */
    public IntSeq onLoop(int cdu) {
        return onLoop[cdu];
    }

    private static OptionalInt optional(int v) {
        return v == NONE ? OptionalInt.empty() : OptionalInt.of(v);
    }
}
