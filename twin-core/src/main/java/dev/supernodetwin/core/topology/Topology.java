package dev.supernodetwin.core.topology;

import dev.supernodetwin.core.topology.TopologyDocument.FeedSpec;
import dev.supernodetwin.core.topology.TopologyDocument.LinkSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
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
    private static final int NONE = -1;

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

    private Topology(TopologyDocument document, Builder b) {
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
        return new Topology(document, new Builder(document));
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

    /** Builds the index arrays from a validated document. */
    private static final class Builder {
        final List<Device> devices = new ArrayList<>();
        final Map<String, Integer> indexById = new HashMap<>();
        final int[] laneBase;
        final int[] laneDevice;
        final int[] laserOfLane;
        final IntSeq[] litBy;
        final List<Link> links = new ArrayList<>();
        final int[] linkOfLane;
        final IntSeq[] linksThroughPort;
        final int[] hostOf;
        final int[] coolantOf;
        final int[] loopOf;

        Builder(TopologyDocument doc) {
            int n = doc.devices().size();
            laneBase = new int[n];
            int lanes = 0;
            for (int i = 0; i < n; i++) {
                DeviceSpec spec = doc.devices().get(i);
                DeviceKind kind = DeviceKind.fromWireName(spec.kind()).orElseThrow();
                int count = TopologyValidator.laneCount(spec, kind);
                Optional<EngineForm> form = spec.form().flatMap(EngineForm::fromWireName);
                devices.add(new Device(i, new DeviceId(spec.id()), kind, form, count, spec));
                indexById.put(spec.id(), i);
                laneBase[i] = lanes;
                lanes += count;
            }
            laneDevice = new int[lanes];
            for (int i = 0; i < n; i++) {
                Arrays.fill(laneDevice, laneBase[i], laneBase[i] + devices.get(i).laneCount(), i);
            }
            laserOfLane = filled(lanes);
            litBy = new IntSeq[lanes];
            for (FeedSpec f : doc.feeds()) {
                int laser = lane(f.laser());
                int[] lit = f.lanes().stream().mapToInt(this::lane).toArray();
                litBy[laser] = IntSeq.wrap(lit);
                for (int l : lit) {
                    laserOfLane[l] = laser;
                }
            }
            linkOfLane = filled(lanes);
            linksThroughPort = new IntSeq[lanes];
            for (LinkSpec spec : doc.links()) {
                indexLink(spec);
            }
            hostOf = filled(n);
            coolantOf = filled(n);
            loopOf = filled(n);
            for (Device d : devices) {
                DeviceSpec s = d.spec();
                s.host().ifPresent(h -> hostOf[d.index()] = indexById.get(h));
                s.coolant().ifPresent(c -> coolantOf[d.index()] = indexById.get(c));
                s.loop().ifPresent(c -> loopOf[d.index()] = indexById.get(c));
            }
            for (Device d : devices) {
                if (loopOf[d.index()] == NONE && coolantOf[d.index()] != NONE) {
                    int coolant = coolantOf[d.index()];
                    loopOf[d.index()] = devices.get(coolant).kind() == DeviceKind.CDU ? coolant : loopOf[coolant];
                }
            }
        }

        private void indexLink(LinkSpec spec) {
            int index = links.size();
            int[] via = spec.via().stream().mapToInt(this::lane).toArray();
            Link link = new Link(index, lane(spec.a()), lane(spec.b()), IntSeq.wrap(via), spec.budgetDb());
            links.add(link);
            linkOfLane[link.laneA()] = index;
            linkOfLane[link.laneB()] = index;
            for (int port : via) {
                // A port carries one link (validated), so this is a one-element group.
                linksThroughPort[port] = IntSeq.of(index);
            }
        }

        private int lane(String ref) {
            LaneRef r = LaneRef.parse(ref).orElseThrow();
            return laneBase[indexById.get(r.device())] + r.index();
        }

        Map<DeviceKind, IntSeq> byKind() {
            Map<DeviceKind, List<Integer>> lists = new EnumMap<>(DeviceKind.class);
            for (Device d : devices) {
                lists.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d.index());
            }
            Map<DeviceKind, IntSeq> result = new EnumMap<>(DeviceKind.class);
            lists.forEach((k, v) -> result.put(k, IntSeq.wrap(v.stream().mapToInt(Integer::intValue).toArray())));
            return result;
        }

        /** Inverts a device → parent array into parent → children groups. */
        IntSeq[] group(int[] parentOf) {
            int n = devices.size();
            int[] counts = new int[n];
            for (int p : parentOf) {
                if (p != NONE) {
                    counts[p]++;
                }
            }
            int[][] children = new int[n][];
            for (int i = 0; i < n; i++) {
                children[i] = new int[counts[i]];
            }
            int[] fill = new int[n];
            for (int child = 0; child < n; child++) {
                int p = parentOf[child];
                if (p != NONE) {
                    children[p][fill[p]++] = child;
                }
            }
            IntSeq[] result = new IntSeq[n];
            for (int i = 0; i < n; i++) {
                result[i] = IntSeq.wrap(children[i]);
            }
            return result;
        }

        private static int[] filled(int size) {
            int[] a = new int[size];
            Arrays.fill(a, NONE);
            return a;
        }
    }
}
