// Pure helpers for silences and alert history: what a silence is called, whether it is in force, in
// what order the panel lists them, and how a history entry reads. No DOM here, so Node tests cover it.
import { fmtDuration } from './format';
import type { HistoryEntry, Silence } from './types';

/** The durations the silence form offers, as the API spells them. */
export const SILENCE_DURATIONS: readonly string[] = ['30m', '1h', '2h', '4h', '8h', '1d', '3d'];

/** A silence is pending before it starts, active while it runs, expired after. */
export function silenceStatus(s: Silence, now: number): 'pending' | 'active' | 'expired' {
  if (now < s.startsAt) return 'pending';
  return now < s.endsAt ? 'active' : 'expired';
}

/** Active (ending soonest first), then pending, then expired (most recently ended first). */
export function sortSilences(list: readonly Silence[], now: number): Silence[] {
  const rank = { active: 0, pending: 1, expired: 2 } as const;
  return [...list].sort((a, b) => {
    const ra = rank[silenceStatus(a, now)];
    const rb = rank[silenceStatus(b, now)];
    if (ra !== rb) return ra - rb;
    return ra === 2 ? b.endsAt - a.endsAt : a.endsAt - b.endsAt;
  });
}

/** "covers 3 devices, 17 lanes". */
export function coverText(s: Silence): string {
  const parts: string[] = [];
  if (s.covers.devices > 0) parts.push(`${s.covers.devices} device${s.covers.devices === 1 ? '' : 's'}`);
  if (s.covers.lanes > 0) parts.push(`${s.covers.lanes} lane${s.covers.lanes === 1 ? '' : 's'}`);
  return parts.length ? `covers ${parts.join(', ')}` : 'covers nothing';
}

/** "ends in 1 h 20 min" / "ended 5 min ago" / "starts in 2 min". */
export function silenceTiming(s: Silence, now: number): string {
  switch (silenceStatus(s, now)) {
    case 'pending': return `starts in ${fmtDuration(s.startsAt - now)}`;
    case 'active': return `ends in ${fmtDuration(s.endsAt - now)}`;
    default: return `ended ${fmtDuration(now - s.endsAt)} ago`;
  }
}

/** One line for a history entry: what happened, to what, by whom. */
export function historyText(e: HistoryEntry): string {
  switch (e.state) {
    case 'acknowledged': return `alert ${e.id} acknowledged by ${e.by || 'someone'}`;
    case 'silenced': return `${e.rootCause} silenced by ${e.by || 'someone'}${e.comment ? ` — ${e.comment}` : ''}`;
    case 'unsilenced': return `silence on ${e.rootCause} ended${e.by ? ` (created by ${e.by})` : ''}`;
    default: return `${e.severity} ${e.state}: ${e.summary || e.rule} (root cause ${e.rootCause || e.device})`;
  }
}
