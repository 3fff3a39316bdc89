// Indexes over the topology that every view needs: hosts (GPUs and switches) in live-array order,
// which engines sit on which host, and where each engine's lanes start in the flattened lane arrays.
import type { DeviceRef, Topology } from './types';

export interface Host {
  id: string;
  kind: 'gpu' | 'switch';
  /** Index in its own section's live arrays, or -1 when the server does not list the section. */
  index: number;
  rack: string;
  tray: string;
  engines: number[];
}

export class Model {
  readonly hosts: Host[] = [];
  readonly hostById = new Map<string, number>();
  readonly engineById = new Map<string, number>();
  /** Host index of each engine, -1 when its host is unknown. */
  readonly engineHost: Int32Array;
  /** First flattened lane of each engine; laneStart[engines] is the total. */
  readonly laneStart: Int32Array;
  readonly laneCount: number;

  constructor(readonly topo: Topology) {
    const addHost = (d: DeviceRef, kind: 'gpu' | 'switch', index: number) => {
      if (this.hostById.has(d.id)) return;
      this.hostById.set(d.id, this.hosts.length);
      this.hosts.push({ id: d.id, kind, index, rack: d.rack ?? '', tray: d.tray ?? '', engines: [] });
    };
    topo.gpu.forEach((d, i) => addHost(d, 'gpu', i));
    (topo.switch ?? []).forEach((d, i) => addHost(d, 'switch', i));
    const engines = topo.oe ?? [];
    this.engineHost = new Int32Array(engines.length);
    this.laneStart = new Int32Array(engines.length + 1);
    let lanes = 0;
    engines.forEach((e, i) => {
      this.engineById.set(e.id, i);
      this.laneStart[i] = lanes;
      lanes += e.lanes ?? 0;
      // Hosts the server does not list (a switch section is newer than some servers) still get a cell.
      if (e.host && !this.hostById.has(e.host)) {
        addHost({ id: e.host, rack: e.rack, tray: e.tray }, 'switch', -1);
      }
      const h = e.host ? this.hostById.get(e.host) ?? -1 : -1;
      this.engineHost[i] = h;
      if (h >= 0) this.hosts[h].engines.push(i);
    });
    this.laneStart[engines.length] = lanes;
    this.laneCount = lanes;
  }

  get engines(): DeviceRef[] {
    return this.topo.oe ?? [];
  }

  /** Flattened index of lane `ENGINE#N`, or -1. */
  laneIndex(laneId: string): number {
    const { device, lane } = splitLane(laneId);
    if (lane === null) return -1;
    const e = this.engineById.get(device);
    if (e === undefined) return -1;
    const n = this.laneStart[e + 1] - this.laneStart[e];
    return lane >= 0 && lane < n ? this.laneStart[e] + lane : -1;
  }

  /** The engine a flattened lane belongs to (binary search over laneStart). */
  engineOfLane(flat: number): number {
    let lo = 0;
    let hi = this.engines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.laneStart[mid] <= flat) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  laneId(flat: number): string {
    const e = this.engineOfLane(flat);
    return `${this.engines[e].id}#${flat - this.laneStart[e]}`;
  }
}

/** "dev#3" → {device: "dev", lane: 3}; a plain device id has lane null. */
export function splitLane(id: string): { device: string; lane: number | null } {
  const hash = id.lastIndexOf('#');
  if (hash < 0) return { device: id, lane: null };
  const n = Number(id.slice(hash + 1));
  return Number.isInteger(n) ? { device: id.slice(0, hash), lane: n } : { device: id, lane: null };
}

/** An alert's root cause as one id (a lane id when the cause is a lane). */
export function causeId(rc: { device: string; lane?: number | null }): string {
  return rc.lane === null || rc.lane === undefined ? rc.device : `${rc.device}#${rc.lane}`;
}
