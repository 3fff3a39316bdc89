package dev.supernodetwin.core.sim;

/**
 * A validated fault with its target resolved to indices and its defaults filled in.
 *
 * @param spec      the fault as written
 * @param indices   what it hits; the meaning depends on the type (see {@link FaultTargets})
 * @param magnitude the magnitude, the default when none was given, NaN for faults without one
 * @param onset     onset, epoch ms
 * @param end       when it clears, epoch ms; {@link Long#MAX_VALUE} if it persists
 * @param mode      the F17 sensor mode; {@link SensorMode#NONE} for other faults
 * @param period    the F19 period in ms, 0 otherwise
 */
record ResolvedFault(FaultSpec spec, int[] indices, double magnitude, long onset, long end, SensorMode mode,
                     long period) {

    /** Whether the fault acts at event time {@code t}. */
    boolean activeAt(long t) {
        return t >= onset && t < end;
    }

    /** The fault type. */
    FaultType type() {
        return spec.type();
    }

    /** How an F17 sensor fault shows. */
    enum SensorMode {
        NONE, STUCK, SPIKE, DROPOUT
    }
}
