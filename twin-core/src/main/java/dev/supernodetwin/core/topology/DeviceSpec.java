package dev.supernodetwin.core.topology;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One device as written in a topology document. Which attributes matter depends on the kind;
 * {@link TopologyValidator} says which are missing or wrong. Beyond wire format §1, a device may name
 * its {@code rack} and {@code tray} (for layout) and a GPU or switch its {@code powerW} (design power).
 *
 * @param id            the device id
 * @param kind          the kind's wire name
 * @param form          engine form (oe)
 * @param lanes         lane count (oe)
 * @param laneGbps      line rate per lane (oe)
 * @param host          the GPU or switch an engine belongs to (oe)
 * @param coolant       the cold plate or CDU that cools the device
 * @param loop          the CDU a cold plate or leak sensor hangs on
 * @param lasers        laser count (els)
 * @param wavelengthNm  laser wavelength (els)
 * @param ports         port count (ocs)
 * @param designFlowLpm design coolant flow (cdu)
 * @param supplyClass   ASHRAE supply class such as {@code W32} (cdu)
 * @param rack          rack the device sits in, for layout
 * @param tray          tray the device sits in, for layout
 * @param powerW        design power (gpu, switch)
 */
public record DeviceSpec(String id, String kind, Optional<String> form, OptionalInt lanes, OptionalDouble laneGbps,
                         Optional<String> host, Optional<String> coolant, Optional<String> loop, OptionalInt lasers,
                         OptionalDouble wavelengthNm, OptionalInt ports, OptionalDouble designFlowLpm,
                         Optional<String> supplyClass, Optional<String> rack, Optional<String> tray,
                         OptionalDouble powerW) {

    /** Requires the two attributes every device has. */
    public DeviceSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /** Starts a spec with only id and kind. */
    public static Builder builder(String id, String kind) {
        return new Builder(id, kind);
    }

    /** Builds specs attribute by attribute; used by presets and readers. */
    public static final class Builder {
        private final String id;
        private final String kind;
        private Optional<String> form = Optional.empty();
        private OptionalInt lanes = OptionalInt.empty();
        private OptionalDouble laneGbps = OptionalDouble.empty();
        private Optional<String> host = Optional.empty();
        private Optional<String> coolant = Optional.empty();
        private Optional<String> loop = Optional.empty();
        private OptionalInt lasers = OptionalInt.empty();
        private OptionalDouble wavelengthNm = OptionalDouble.empty();
        private OptionalInt ports = OptionalInt.empty();
        private OptionalDouble designFlowLpm = OptionalDouble.empty();
        private Optional<String> supplyClass = Optional.empty();
        private Optional<String> rack = Optional.empty();
        private Optional<String> tray = Optional.empty();
        private OptionalDouble powerW = OptionalDouble.empty();

        private Builder(String id, String kind) {
            this.id = id;
            this.kind = kind;
        }

        public Builder form(String v) { form = Optional.of(v); return this; }
        public Builder lanes(int v) { lanes = OptionalInt.of(v); return this; }
        public Builder laneGbps(double v) { laneGbps = OptionalDouble.of(v); return this; }
        public Builder host(String v) { host = Optional.of(v); return this; }
        public Builder coolant(String v) { coolant = Optional.of(v); return this; }
        public Builder loop(String v) { loop = Optional.of(v); return this; }
        public Builder lasers(int v) { lasers = OptionalInt.of(v); return this; }
        public Builder wavelengthNm(double v) { wavelengthNm = OptionalDouble.of(v); return this; }
        public Builder ports(int v) { ports = OptionalInt.of(v); return this; }
        public Builder designFlowLpm(double v) { designFlowLpm = OptionalDouble.of(v); return this; }
        public Builder supplyClass(String v) { supplyClass = Optional.of(v); return this; }
        public Builder rack(String v) { rack = Optional.of(v); return this; }
        public Builder tray(String v) { tray = Optional.of(v); return this; }
        public Builder powerW(double v) { powerW = OptionalDouble.of(v); return this; }

        /** The spec as set so far. */
        public DeviceSpec build() {
            return new DeviceSpec(id, kind, form, lanes, laneGbps, host, coolant, loop, lasers, wavelengthNm, ports,
                    designFlowLpm, supplyClass, rack, tray, powerW);
        }
    }
}
