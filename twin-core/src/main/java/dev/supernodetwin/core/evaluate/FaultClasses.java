package dev.supernodetwin.core.evaluate;

import dev.supernodetwin.core.sim.FaultType;

import java.util.EnumSet;
import java.util.Set;

/** Which faults each bar is about. */
public final class FaultClasses {
    /** Faults whose symptoms span several lanes or devices: laser, engine, OCS port, cold plate, CDU. */
    public static final Set<FaultType> MULTI_LANE = EnumSet.of(FaultType.F1, FaultType.F2, FaultType.F3,
            FaultType.F4, FaultType.F7, FaultType.F9, FaultType.F10);

    /** Faults that start as a step (the physics changes at once rather than ramping or ageing). */
    public static final Set<FaultType> STEP = EnumSet.of(FaultType.F3, FaultType.F4, FaultType.F5, FaultType.F7,
            FaultType.F10, FaultType.F11);

    /** Faults predicted ahead of a failure time (laser ageing). */
    public static final Set<FaultType> AGEING = EnumSet.of(FaultType.F2);

    private FaultClasses() {
    }
}
