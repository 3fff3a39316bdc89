// Shapes of the documents the server sends (docs/dashboard.md). Fields may be added by the server;
// optional ones may be missing while the server side is still being built.

export interface Threshold {
  warning?: number;
  alarm?: number;
  critical?: number;
  direction?: 'above' | 'below';
}

export interface DeviceRef {
  id: string;
  rack?: string;
  tray?: string;
  loop?: string;
  host?: string;
  form?: string;
  lanes?: number;
  coldplate?: string;
  cools?: string;
  lights?: number;
  crossConnect?: string;
  links?: number;
}

export interface Topology {
  supernode: string;
  gpu: DeviceRef[];
  switch?: DeviceRef[];
  oe: DeviceRef[];
  laser?: DeviceRef[];
  ocsPort?: DeviceRef[];
  cdu?: DeviceRef[];
  coldplate?: DeviceRef[];
  leak?: DeviceRef[];
  thresholds?: Record<string, Threshold>;
  counts?: { devices?: number; lanes?: number; links?: number };
}

export type Severity = 'warning' | 'alarm' | 'critical';

export interface AlertEvent {
  id: string;
  ts: number;
  supernode?: string | null;
  state: string;
  kind: string;
  severity: Severity;
  category: string;
  rule: string;
  device: string;
  lane?: number | null;
  rootCause: { device: string; lane?: number | null; reason: string };
  affected: string[];
  eta?: number | null;
  summary?: string | null;
  /** Present when a silence covers the root cause (API only, not in alert files). */
  silenced?: { id: string; target: string } | null;
}

export interface Silence {
  id: string;
  target: string;
  covers: { devices: number; lanes: number; sample?: string[] };
  startsAt: number;
  endsAt: number;
  createdBy: string;
  comment: string;
  active: boolean;
}

export interface SilencesDoc {
  now: number;
  silences: Silence[];
}

export interface HistoryEntry {
  ts: number;
  state: string;
  id: string;
  supernode: string;
  kind: string;
  severity: string;
  category: string;
  rule: string;
  rootCause: string;
  device: string;
  summary: string;
  reason: string;
  affectedCount: number;
  eta: number | null;
  by: string;
  comment: string;
}

export interface Ack {
  by: string;
  at: number;
}

export interface AlertsDoc {
  firing: AlertEvent[];
  recent: AlertEvent[];
  events?: number;
  acks?: Record<string, Ack>;
}

export interface ReplayState {
  active?: boolean;
  paused?: boolean;
  speed?: number | string;
  at?: number;
  from?: number;
  to?: number;
  done?: boolean;
}

export interface Link {
  id: string;
  a: string;
  b: string;
  ports?: string[];
}

export interface LaserDoc {
  laser: string;
  lanes: string[];
  links: Link[];
  gpus: string[];
}

export interface OcsPortDoc {
  port: string;
  crossConnect?: string;
  links: Link[];
  lanes?: string[];
  switching?: boolean;
}

export interface LanesDoc {
  metric: string;
  at: number;
  values: (number | null)[];
}

export interface Sensor {
  metric: string;
  lane: number | null;
  unit: string;
  value: number | null;
  time: number | null;
  freshness: 'fresh' | 'stale' | 'missing';
  laser?: string;
  link?: string;
}

export interface DeviceDoc {
  id: string;
  kind: string;
  form?: string;
  host?: string;
  loop?: string;
  at: number;
  sensors: Sensor[];
  engines?: string[];
  alerts?: AlertEvent[];
}

export interface HistoryDoc {
  device: string;
  lane: number | null;
  metric: string;
  unit: string;
  source: string;
  from: number;
  to: number;
  points: [number, number | null, number | null, number | null][];
  thresholds?: Threshold;
}

export interface PredictionsDoc {
  at: number;
  predictions: { alert: AlertEvent; eta: number; etaInMs: number; confidence?: number }[];
}

/** `GET /api/fleet`: every supernode of the fleet as the instances publish them. */
export interface FleetDoc {
  instance: string;
  url?: string | null;
  supernodes: FleetEntry[];
}

export type FleetHealth = 'ok' | 'warning' | 'alarm' | 'critical' | 'rebuilding' | 'unknown';

export interface FleetEntry {
  supernode: string;
  /** Served by the instance that answered. */
  local: boolean;
  /** The owner has not published a summary for a while (it may have died; the entry stays listed). */
  stale: boolean;
  at: number;
  eventTime?: number | null;
  owner: { instance: string; url?: string | null };
  link?: string | null;
  /** One of FleetHealth; a newer server may send a word this page does not know. */
  health: string;
  gpus?: number;
  devices?: number;
  staleSensors?: number;
  firing: { warning: number; alarm: number; critical: number };
  alerts?: { id: string; severity: string; summary?: string | null; rootCause: string }[];
  worst?: { device: string; reason: string }[];
}
