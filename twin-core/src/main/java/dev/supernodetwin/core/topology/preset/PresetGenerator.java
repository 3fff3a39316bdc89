package dev.supernodetwin.core.topology.preset;

import dev.supernodetwin.core.topology.DeviceSpec;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.TopologyDocument.FeedSpec;
import dev.supernodetwin.core.topology.TopologyDocument.LinkSpec;

import java.util.ArrayList;
import java.util.List;

/** Expands a {@link PresetSpec} into the explicit topology form. */
final class PresetGenerator {
    /** Coolant design rule: 1.5 L/min per kW for ΔT ≈ 10 K (OCP, domain reference §4.1). */
    private static final double LPM_PER_KW = 1.5;
    /** Power of one optical engine; CPO/OIO engines draw ~5–10 W per 800G (domain reference §3.1). */
    private static final double ENGINE_POWER_W = 12;
    private static final double ELS_WAVELENGTH_NM = 1311;

    private final PresetSpec p;
    private final String sn;
    private final List<DeviceSpec> devices = new ArrayList<>();
    private final List<FeedSpec> feeds = new ArrayList<>();
    private final List<LinkSpec> links = new ArrayList<>();
    private final List<String> gpuEngines = new ArrayList<>();
    private final List<String> asicEngines = new ArrayList<>();

    PresetGenerator(PresetSpec spec, String supernode) {
        if (supernode == null || supernode.isBlank() || supernode.contains("/") || supernode.contains("#")) {
            throw new IllegalArgumentException("supernode id must be non-blank without '/' or '#', was '" + supernode + "'");
        }
        this.p = spec;
        this.sn = supernode;
    }

    TopologyDocument generate() {
        int cdus = (p.racks() + p.racksPerCdu() - 1) / p.racksPerCdu();
        for (int c = 0; c < cdus; c++) {
            int racksOnLoop = Math.min(p.racksPerCdu(), p.racks() - c * p.racksPerCdu());
            double kw = racksOnLoop * rackPowerW() / 1000.0;
            devices.add(DeviceSpec.builder(cdu(c), "cdu").designFlowLpm(Math.round(kw * LPM_PER_KW))
                    .supplyClass("W32").build());
        }
        for (int r = 0; r < p.racks(); r++) {
            for (int t = 0; t < p.traysPerRack(); t++) {
                computeTray(r, t);
            }
            for (int s = 0; s < p.switchTraysPerRack(); s++) {
                switchTray(r, s);
            }
        }
        link();
        return new TopologyDocument(sn, devices, feeds, links);
    }

    private double rackPowerW() {
        int gpus = p.traysPerRack() * p.gpusPerTray();
        int asics = p.switchTraysPerRack() * p.asicsPerSwitchTray();
        int engines = gpus * p.gpuEngines() + asics * p.enginesPerAsic();
        return gpus * p.gpuPowerW() + asics * p.switchPowerW() + engines * ENGINE_POWER_W;
    }

    private void computeTray(int r, int t) {
        String tray = String.format("t%02d", t + 1);
        String prefix = rackPrefix(r) + "/" + tray;
        String loop = cdu(r / p.racksPerCdu());
        List<String> engines = new ArrayList<>();
        for (int g = 0; g < p.gpusPerTray(); g++) {
            String gpu = prefix + "/gpu" + g;
            String plate = coldPlate(r, tray + "-gpu" + g);
            devices.add(DeviceSpec.builder(plate, "coldplate").loop(loop).rack(rack(r)).tray(tray).build());
            devices.add(DeviceSpec.builder(gpu, "gpu").coolant(plate).rack(rack(r)).tray(tray)
                    .powerW(p.gpuPowerW()).build());
            for (int e = 0; e < p.gpuEngines(); e++) {
                String oe = gpu + "/oe" + e;
                devices.add(engine(oe, gpu, plate, r, tray));
                engines.add(oe);
            }
        }
        gpuEngines.addAll(engines);
        lasers(prefix, r, tray, engines);
        devices.add(DeviceSpec.builder(prefix + "/leak", "leak").loop(loop).rack(rack(r)).tray(tray).build());
    }

    private void switchTray(int r, int s) {
        String tray = "sw" + (s + 1);
        String prefix = rackPrefix(r) + "/" + tray;
        String loop = cdu(r / p.racksPerCdu());
        List<String> engines = new ArrayList<>();
        for (int a = 0; a < p.asicsPerSwitchTray(); a++) {
            String asic = prefix + "/asic" + a;
            String plate = coldPlate(r, tray + "-asic" + a);
            devices.add(DeviceSpec.builder(plate, "coldplate").loop(loop).rack(rack(r)).tray(tray).build());
            devices.add(DeviceSpec.builder(asic, "switch").coolant(plate).rack(rack(r)).tray(tray)
                    .powerW(p.switchPowerW()).build());
            for (int e = 0; e < p.enginesPerAsic(); e++) {
                String oe = asic + "/oe" + e;
                devices.add(engine(oe, asic, plate, r, tray));
                engines.add(oe);
            }
        }
        asicEngines.addAll(engines);
        lasers(prefix, r, tray, engines);
        devices.add(DeviceSpec.builder(prefix + "/leak", "leak").loop(loop).rack(rack(r)).tray(tray).build());
    }

    private DeviceSpec engine(String id, String host, String plate, int r, String tray) {
        // Co-packaged and in-package engines sit under the host's cold plate and share its heat.
        return DeviceSpec.builder(id, "oe").form(p.form().wireName()).lanes(p.lanesPerEngine())
                .laneGbps(p.laneGbps()).host(host).coolant(plate).rack(rack(r)).tray(tray).build();
    }

    /** Adds the tray's external laser sources and which engine lanes each laser lights. */
    private void lasers(String prefix, int r, String tray, List<String> engines) {
        List<String> lanes = new ArrayList<>();
        for (String oe : engines) {
            for (int l = 0; l < p.lanesPerEngine(); l++) {
                lanes.add(oe + "#" + l);
            }
        }
        int needed = lanes.size() / p.lanesPerLaser();
        for (int first = 0, k = 0; first < needed; first += p.lasersPerEls(), k++) {
            int count = Math.min(p.lasersPerEls(), needed - first);
            String els = prefix + "/els" + k;
            devices.add(DeviceSpec.builder(els, "els").lasers(count).wavelengthNm(ELS_WAVELENGTH_NM)
                    .rack(rack(r)).tray(tray).build());
            for (int i = 0; i < count; i++) {
                int from = (first + i) * p.lanesPerLaser();
                feeds.add(new FeedSpec(els + "#" + i, lanes.subList(from, from + p.lanesPerLaser())));
            }
        }
    }

    /**
     * Links GPU lane k to switch ASIC k mod S: each GPU spreads its lanes over the ASICs, and each ASIC
     * takes the same number of lanes from every GPU it serves, as an NVLink-style fabric does.
     */
    private void link() {
        int asics = p.switchAsics();
        int totalLanes = gpuEngines.size() * p.lanesPerEngine();
        int linksPerOcs = p.ocsPorts() / 2;
        int ocsCount = linksPerOcs == 0 ? 0 : (totalLanes + linksPerOcs - 1) / linksPerOcs;
        for (int o = 0; o < ocsCount; o++) {
            devices.add(DeviceSpec.builder(sn + "/ocs" + (o + 1), "ocs").ports(p.ocsPorts()).build());
        }
        for (int k = 0; k < totalLanes; k++) {
            String a = gpuEngines.get(k / p.lanesPerEngine()) + "#" + (k % p.lanesPerEngine());
            int asic = k % asics;
            int asicLane = k / asics;
            String b = asicEngines.get(asic * p.enginesPerAsic() + asicLane / p.lanesPerEngine()) + "#"
                    + (asicLane % p.lanesPerEngine());
            List<String> via = List.of();
            if (ocsCount > 0) {
                String ocs = sn + "/ocs" + (k % ocsCount + 1);
                int pair = k / ocsCount;
                via = List.of(ocs + "#" + (2 * pair), ocs + "#" + (2 * pair + 1));
            }
            links.add(new LinkSpec(a, b, via, p.linkBudgetDb()));
        }
    }

    private String rackPrefix(int r) {
        return p.racks() == 1 ? sn : sn + "/" + rack(r);
    }

    private static String rack(int r) {
        return "r" + (r + 1);
    }

    private String cdu(int c) {
        return sn + "/cdu" + (c + 1);
    }

    private String coldPlate(int r, String name) {
        return sn + "/cp/" + (p.racks() == 1 ? "" : rack(r) + "-") + name;
    }
}
