package dev.supernodetwin.core.topology;

import java.util.Optional;

/**
 * A device of an indexed {@link Topology}.
 *
 * @param index     position in the topology, the key of every per-device array
 * @param id        the device id
 * @param kind      the kind
 * @param form      the engine form, for optical engines
 * @param laneCount lanes, lasers or ports; 0 for kinds without lanes
 * @param spec      the attributes as written
 */
public record Device(int index, DeviceId id, DeviceKind kind, Optional<EngineForm> form, int laneCount,
                     DeviceSpec spec) {
}
