// How numbers, times and durations read on screen. One place, so every view says the same thing.

/** A value with its unit, or an en dash for a missing/stale value. */
export function fmtValue(v: number | null | undefined, unit = '', digits?: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return unit ? `${fmtNumber(v, digits)} ${unit}` : fmtNumber(v, digits);
}

/** Compact numbers: BER-like tiny values in exponent form, others with sensible decimals. */
export function fmtNumber(v: number, digits?: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (digits !== undefined) return v.toFixed(digits);
  if (Number.isInteger(v) && a < 1e6) return String(v);
  if (a !== 0 && (a < 0.01 || a >= 1e6)) return v.toExponential(2);
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** A duration in words a tired operator reads at once: "3 h 10 min", "45 s", "2 d 4 h". */
export function fmtDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** When something will happen (or did), relative to `now`: "in 3 h 10 min", "5 min ago", "now". */
export function fmtRelative(at: number, now: number): string {
  const diff = at - now;
  if (Math.abs(diff) < 1000) return 'now';
  return diff > 0 ? `in ${fmtDuration(diff)}` : `${fmtDuration(-diff)} ago`;
}

/** An event time as UTC date and time (the twin runs on event time, which may be a replay's). */
export function fmtTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** Large counts with thin grouping: 33 280. */
export function fmtCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}
