// Thresholds to colour and chart against. The server's /api/topology carries the rules in force; a
// server that does not send them yet gets the built-in defaults of rules/default-rules.yaml, so a
// normal temperature never reads as a warning just because the numbers were missing.
import type { Threshold, Topology } from './types';

export const FEC_LIMIT = 2.4e-4;

const DEFAULTS: Record<string, Threshold> = {
  'gpu.temp_c': { warning: 82, alarm: 87, critical: 89, direction: 'above' },
  'gpu.hbm_temp_c': { warning: 88, alarm: 95, direction: 'above' },
  'switch.temp_c': { warning: 82, alarm: 87, critical: 89, direction: 'above' },
  'oe.temp_c': { warning: 75, alarm: 80, direction: 'above' },
  'oe.rx_dbm': { warning: -5.9, alarm: -9.91, direction: 'below' },
  'oe.pre_fec_ber': { warning: 1e-5, alarm: 1e-4, critical: FEC_LIMIT, direction: 'above' },
  // The ring heater only red-shifts: at 0 mW the ring is out of tuning range (docs/simulator.md).
  'oe.mrm_heater_mw': { warning: 4, alarm: 1, critical: 0, direction: 'below' },
};

export function thresholdFor(topo: Topology, key: string): Threshold | undefined {
  return topo.thresholds?.[key] ?? DEFAULTS[key];
}

/** Thresholds for a device's metric, whatever section it is in (for charts). */
export function thresholdForMetric(topo: Topology, kind: string, metric: string): Threshold | undefined {
  const section = kind === 'els' ? 'laser' : kind;
  return thresholdFor(topo, `${section}.${metric}`);
}
