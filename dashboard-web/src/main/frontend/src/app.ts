// The state every view reads: the topology model, live values, alerts and the highlight, with a
// small publish/subscribe so views repaint only when what they show changed.
import { HighlightStore } from './highlight';
import { LiveState } from './live';
import { Model, splitLane } from './model';
import { severityRank } from './colour';
import type { AlertsDoc, AlertEvent, ReplayState } from './types';
import { causeId } from './model';

// 'alerts-stale': something changed what /api/alerts answers (a silence) without a new alert event.
type Topic = 'live' | 'alerts' | 'alerts-stale' | 'replay' | 'route';

export class App {
  readonly live = new LiveState();
  readonly highlight = new HighlightStore();
  alerts: AlertsDoc = { firing: [], recent: [] };
  alertsAvailable = true;
  /** Worst firing severity (1..3) per device id; lanes count for their engine. */
  severity = new Map<string, number>();
  replay: ReplayState = { active: false };
  private readonly subs = new Map<Topic, (() => void)[]>();

  constructor(readonly model: Model) {}

  on(topic: Topic, f: () => void): void {
    const list = this.subs.get(topic) ?? [];
    list.push(f);
    this.subs.set(topic, list);
  }

  emit(topic: Topic): void {
    for (const f of this.subs.get(topic) ?? []) f();
  }

  setAlerts(doc: AlertsDoc): void {
    this.alerts = { firing: doc.firing ?? [], recent: doc.recent ?? [], events: doc.events, acks: doc.acks ?? {} };
    this.severity = severityByDevice(this.alerts.firing);
    this.emit('alerts');
  }

  /** Values of one live key, or an empty array when the stream does not carry it. */
  values(key: string): (number | null)[] {
    return this.live.values[key] ?? [];
  }
}

/** Every device an alert touches: its device, root cause and affected set (lanes → their device). */
export function touched(a: AlertEvent): string[] {
  const ids = [a.device, causeId(a.rootCause), ...(a.affected ?? [])];
  return [...new Set(ids.map(id => splitLane(id).device))];
}

export function severityByDevice(firing: AlertEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of firing) {
    const rank = severityRank(a.severity);
    for (const id of touched(a)) out.set(id, Math.max(out.get(id) ?? 0, rank));
  }
  return out;
}
