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

/** Builds a {@link Topology}'s index arrays from a validated document. */
final class TopologyIndex {
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

    TopologyIndex(TopologyDocument doc) {
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
            if (loopOf[d.index()] == Topology.NONE && coolantOf[d.index()] != Topology.NONE) {
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
            if (p != Topology.NONE) {
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
            if (p != Topology.NONE) {
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
        Arrays.fill(a, Topology.NONE);
        return a;
    }
}
