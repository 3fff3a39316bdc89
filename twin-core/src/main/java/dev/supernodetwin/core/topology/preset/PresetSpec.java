package dev.supernodetwin.core.topology.preset;

import dev.supernodetwin.core.topology.EngineForm;

/**
 * The hardware parameters a preset supernode is generated from. Every GPU lane is linked to a switch
 * lane; lanes are lit by external lasers in groups; devices are cooled through cold plates on CDU
 * loops shared by {@code racksPerCdu} racks.
 *
 * @param name               the preset's name, e.g. {@code cpo-72}
 * @param description        one line for {@code --help} and docs
 * @param racks              racks in the supernode
 * @param traysPerRack       compute trays per rack
 * @param gpusPerTray        GPUs per compute tray
 * @param gpuEngines         optical engines per GPU
 * @param switchTraysPerRack switch trays per rack
 * @param asicsPerSwitchTray switch ASICs per switch tray
 * @param lanesPerEngine     optical lanes per engine
 * @param laneGbps           line rate per lane
 * @param form               engine packaging
 * @param lanesPerLaser      engine lanes one external laser lights
 * @param lasersPerEls       lasers in one external laser source
 * @param ocsPorts           ports per optical circuit switch; 0 when links run point to point
 * @param racksPerCdu        racks sharing one CDU loop
 * @param gpuPowerW          design power per GPU
 * @param switchPowerW       design power per switch ASIC
 * @param linkBudgetDb       end-to-end loss budget per link
 */
public record PresetSpec(String name, String description, int racks, int traysPerRack, int gpusPerTray,
                         int gpuEngines, int switchTraysPerRack, int asicsPerSwitchTray, int lanesPerEngine,
                         double laneGbps, EngineForm form, int lanesPerLaser, int lasersPerEls, int ocsPorts,
                         int racksPerCdu, double gpuPowerW, double switchPowerW, double linkBudgetDb) {

    /** Checks that the parameters describe a buildable supernode. */
    public PresetSpec {
        requirePositive(racks, "racks");
        requirePositive(traysPerRack, "traysPerRack");
        requirePositive(gpusPerTray, "gpusPerTray");
        requirePositive(gpuEngines, "gpuEngines");
        requirePositive(switchTraysPerRack, "switchTraysPerRack");
        requirePositive(asicsPerSwitchTray, "asicsPerSwitchTray");
        requirePositive(lanesPerEngine, "lanesPerEngine");
        requirePositive(lanesPerLaser, "lanesPerLaser");
        requirePositive(lasersPerEls, "lasersPerEls");
        requirePositive(racksPerCdu, "racksPerCdu");
        if (lanesPerEngine % lanesPerLaser != 0) {
            throw new IllegalArgumentException("a laser must light lanes of one engine only: lanesPerEngine "
                    + lanesPerEngine + " is not a multiple of lanesPerLaser " + lanesPerLaser);
        }
        long gpuLanes = (long) gpuCount(racks, traysPerRack, gpusPerTray) * gpuEngines * lanesPerEngine;
        long asics = (long) racks * switchTraysPerRack * asicsPerSwitchTray;
        if (gpuLanes % asics != 0 || (gpuLanes / asics) % lanesPerEngine != 0) {
            throw new IllegalArgumentException(gpuLanes + " GPU lanes cannot be spread evenly over " + asics
                    + " switch ASICs with " + lanesPerEngine + "-lane engines");
        }
        if (ocsPorts < 0 || ocsPorts % 2 != 0) {
            throw new IllegalArgumentException("ocsPorts must be 0 or an even number, was " + ocsPorts);
        }
    }

    /** GPUs in the supernode. */
    public int gpus() {
        return gpuCount(racks, traysPerRack, gpusPerTray);
    }

    /** Switch ASICs in the supernode. */
    public int switchAsics() {
        return racks * switchTraysPerRack * asicsPerSwitchTray;
    }

    /** Optical engines per switch ASIC, so every GPU lane has a switch lane. */
    public int enginesPerAsic() {
        return gpus() * gpuEngines / switchAsics();
    }

    private static int gpuCount(int racks, int trays, int gpus) {
        return racks * trays * gpus;
    }

    private static void requirePositive(int v, String what) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, was " + v);
        }
    }
}
