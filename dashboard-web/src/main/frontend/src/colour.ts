// Colour scales. "Worse" always reads hotter (teal → yellow → orange → red), stops sit on the
// thresholds in force so a colour means the same as an alert would; stale or missing values are grey,
// and a metric a device does not have is near-black.
import type { Threshold } from './types';

export type Rgb = [number, number, number];

export const STALE = '#5b6470';
export const NOT_APPLICABLE = '#20262e';

const GOOD: Rgb = [38, 140, 150];
const OK: Rgb = [60, 170, 110];
const WARN: Rgb = [230, 200, 60];
const ALARM: Rgb = [240, 130, 40];
const CRIT: Rgb = [215, 40, 50];

export interface Stop {
  v: number;
  c: Rgb;
}

export interface Scale {
  label: string;
  unit: string;
  /** Stops in increasing order of the (possibly log10) value. */
  stops: Stop[];
  log?: boolean;
  /** Names for the stops instead of numbers (a categorical scale). */
  names?: string[];
}

/** Where `v` falls on the scale, as a CSS colour; null/NaN is the stale grey. */
export function colourOf(scale: Scale, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return STALE;
  const x = scale.log ? Math.log10(Math.max(v, 1e-300)) : v;
  return rgb(interpolate(scale.stops, x));
}

export function interpolate(stops: Stop[], x: number): Rgb {
  if (stops.length === 0) return [128, 128, 128];
  if (x <= stops[0].v) return stops[0].c;
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1];
    const b = stops[i];
    if (x <= b.v) {
      const t = b.v === a.v ? 1 : (x - a.v) / (b.v - a.v);
      return [mix(a.c[0], b.c[0], t), mix(a.c[1], b.c[1], t), mix(a.c[2], b.c[2], t)];
    }
  }
  return stops[stops.length - 1].c;
}

function mix(a: number, b: number, t: number): number {
  return Math.round(a + (b - a) * t);
}

export function rgb(c: Rgb): string {
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/**
 * A scale for a metric with thresholds. Above-is-worse: good below warning, then warning → alarm →
 * critical. Below-is-worse is mirrored. Without thresholds, `fallback` [lo, hi] spans good → alarm.
 */
export function thresholdScale(label: string, unit: string, t: Threshold | undefined,
                               fallback: [number, number], log = false): Scale {
  const f = (v: number) => (log ? Math.log10(v) : v);
  if (!t || t.warning === undefined || t.alarm === undefined) {
    const [lo, hi] = fallback.map(f);
    return { label, unit, log, stops: [{ v: lo, c: GOOD }, { v: (lo + hi) / 2, c: OK }, { v: hi, c: WARN }] };
  }
  const w = f(t.warning);
  const a = f(t.alarm);
  const span = Math.abs(a - w) || 1;
  const c = t.critical !== undefined ? f(t.critical) : undefined;
  if (t.direction === 'below') {
    const crit = c ?? a - span;
    return { label, unit, log, stops: [
      { v: crit, c: CRIT }, { v: a, c: ALARM }, { v: w, c: WARN }, { v: w + span, c: OK }, { v: w + 3 * span, c: GOOD },
    ] };
  }
  const crit = c ?? a + span;
  return { label, unit, log, stops: [
    { v: w - 3 * span, c: GOOD }, { v: w - span, c: OK }, { v: w, c: WARN }, { v: a, c: ALARM }, { v: crit, c: CRIT },
  ] };
}

/** A neutral sequential scale for quantities without good or bad (power, clock). */
export function sequentialScale(label: string, unit: string, lo: number, hi: number): Scale {
  return { label, unit, stops: [
    { v: lo, c: [30, 50, 110] }, { v: (lo + hi) / 2, c: [60, 130, 190] }, { v: hi, c: [190, 230, 250] },
  ] };
}

/** Worst firing severity touching a device: 0 none, 1 warning, 2 alarm, 3 critical. */
export const HEALTH_SCALE: Scale = {
  label: 'health', unit: '', names: ['ok', 'warning', 'alarm', 'critical'], stops: [{ v: 0, c: OK }, { v: 1, c: WARN }, { v: 2, c: ALARM }, { v: 3, c: CRIT }],
};

export function severityRank(s: string | undefined): number {
  return s === 'critical' ? 3 : s === 'alarm' ? 2 : s === 'warning' ? 1 : 0;
}

export function severityColour(rank: number): string {
  return rank >= 3 ? rgb(CRIT) : rank === 2 ? rgb(ALARM) : rank === 1 ? rgb(WARN) : rgb(OK);
}

/** CSS gradient and tick labels for a legend, in the scale's own units. */
export function legendOf(scale: Scale): { gradient: string; ticks: { at: number; text: string }[] } {
  const lo = scale.stops[0].v;
  const hi = scale.stops[scale.stops.length - 1].v;
  const pos = (v: number) => (hi === lo ? 0 : ((v - lo) / (hi - lo)) * 100);
  const gradient = `linear-gradient(to right, ${scale.stops.map(s => `${rgb(s.c)} ${pos(s.v).toFixed(1)}%`).join(', ')})`;
  const all = scale.stops.map((s, i) => ({ at: pos(s.v), text: scale.names?.[i] ?? tickText(scale, s.v) }));
  // Stops close together (alarm and critical often are) would print over each other: keep the first.
  const ticks = all.filter((t, i) => i === 0 || t.at - all[i - 1].at >= 12 || i === all.length - 1 && t.at - all[i - 1].at >= 12);
  return { gradient, ticks };
}

function tickText(scale: Scale, v: number): string {
  if (scale.log) return `1e${Math.round(v * 10) / 10}`;
  const r = Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10;
  return scale.unit ? `${r} ${scale.unit}` : `${r}`;
}
