// Fleet: every supernode of the fleet in one table, from GET /api/fleet every 2 s while the view is
// shown. A failed refresh keeps the last good table and says so. Health is a word on a badge in the
// alert palette; rebuilding, unknown and stale entries are grey, so colour never carries it alone.
// Device ids are links only for the supernode this page shows (the drill-down asks this page's server).
import { getJson } from '../api';
import { severityColour, severityRank, STALE } from '../colour';
import { byTestId, fill, h, setText } from '../dom';
import { fmtTime } from '../format';
import { httpUrl } from '../supernode';
import type { FleetDoc, FleetEntry } from '../types';
import { deviceLink } from './optics';

export const FLEET_REFRESH_MS = 2000;

const COLOURED: ReadonlySet<string> = new Set(['ok', 'warning', 'alarm', 'critical']);
const SEVERITIES = ['critical', 'alarm', 'warning'] as const;

export interface HealthBadge {
  text: string;
  /** The badge colour, or null for grey (not known now). */
  colour: string | null;
  title: string;
}

/** How an entry's health reads: the alert palette for ok..critical, grey with a word otherwise. */
export function healthBadge(e: Pick<FleetEntry, 'health' | 'stale'>): HealthBadge {
  const health = e.health || 'unknown';
  if (e.stale) return { text: `stale (last ${health})`, colour: null, title: 'the owner has not published a summary for a while' };
  if (health === 'rebuilding') {
    return { text: 'rebuilding', colour: null, title: 'the owner is re-reading recent telemetry after taking this supernode over' };
  }
  if (COLOURED.has(health)) return { text: health, colour: severityColour(severityRank(health)), title: 'worst firing alert' };
  return { text: health, colour: null, title: 'health not known' };
}

/** The fleet table; `shown` is the supernode this page shows (its row is marked, its devices are links). */
export function fleetTable(doc: FleetDoc, shown: string | null): HTMLElement {
  const heads = ['supernode', 'health', 'firing', 'worst components', 'owner', 'event time', ''];
  return h('table', { class: 'values fleet', 'data-testid': 'fleet-table' },
    h('thead', {}, h('tr', {}, ...heads.map(t => h('th', {}, t)))),
    h('tbody', {}, ...doc.supernodes.map(e => fleetRow(e, shown))));
}

function fleetRow(e: FleetEntry, shown: string | null): HTMLElement {
  const current = e.supernode === shown;
  const badge = healthBadge(e);
  const health = h('span', { class: badge.colour ? 'health' : 'health greyed', 'data-testid': 'fleet-health', title: badge.title }, badge.text);
  health.style.background = badge.colour ?? STALE;
  return h('tr', {
    'data-testid': 'fleet-row', 'data-supernode': e.supernode, 'data-health': e.health, 'data-stale': String(e.stale),
    'data-local': String(e.local), 'data-current': String(current), class: `${current ? 'current' : ''}${e.stale ? ' stale-entry' : ''}`,
  },
    h('td', {}, h('b', {}, e.supernode), current ? h('span', { class: 'here', 'data-testid': 'fleet-current' }, 'this page') : null),
    h('td', {}, health),
    h('td', { 'data-testid': 'fleet-firing', title: alertsTitle(e) }, ...firing(e)),
    h('td', {}, worst(e, current)),
    h('td', { title: e.owner?.url ?? undefined }, e.owner?.instance ?? '–', e.local ? h('span', { class: 'muted' }, ' (this instance)') : null),
    h('td', { class: 'muted time' }, fmtTime(e.eventTime)),
    h('td', {}, openLink(e.link)));
}

function firing(e: FleetEntry): (HTMLElement | string)[] {
  const chips = SEVERITIES.filter(s => (e.firing?.[s] ?? 0) > 0).map(s => {
    const chip = h('span', { class: 'sev', 'data-severity': s }, `${e.firing[s]} ${s}`);
    chip.style.background = severityColour(severityRank(s));
    return chip;
  });
  return chips.length ? chips : [h('span', { class: 'muted' }, 'none')];
}

/** The worst firing alerts (at most 5, worst first) as a tooltip: severity and summary or root cause. */
function alertsTitle(e: FleetEntry): string | undefined {
  const lines = (e.alerts ?? []).map(a => `${a.severity}: ${a.summary || a.rootCause}`);
  return lines.length ? lines.join('\n') : undefined;
}

function worst(e: FleetEntry, current: boolean): HTMLElement {
  const list = e.worst ?? [];
  if (list.length === 0) return h('span', { class: 'muted' }, '–');
  return h('ul', { class: 'id-list', 'data-testid': 'fleet-worst' }, ...list.map(w =>
    h('li', { 'data-id': w.device }, current ? deviceLink(w.device) : h('span', {}, w.device), h('span', { class: 'reason' }, ` — ${w.reason}`))));
}

/** "open" as a link for an http(s) address; any other address is shown as text, a missing one as such. */
function openLink(link: string | null | undefined): HTMLElement {
  const url = httpUrl(link);
  if (url) return h('a', { href: url, 'data-testid': 'fleet-open' }, 'open');
  if (link) return h('span', { class: 'muted', 'data-testid': 'fleet-open', title: 'not an http(s) address' }, link);
  return h('span', { class: 'muted', title: 'the owner did not advertise an address' }, 'no address');
}

export class FleetView {
  private readonly box = document.getElementById('fleet-box')!;
  private readonly status = byTestId('fleet-status');
  private run = 0;
  private visible = false;
  /** Wall time of the last good answer, or null before one. */
  private lastGood: number | null = null;

  /** @param shown the supernode this page shows */
  constructor(private readonly shown: () => string | null) {}

  show(visible: boolean): void {
    this.visible = visible;
    const run = ++this.run;
    if (visible) void this.poll(run);
  }

  private async poll(run: number): Promise<void> {
    while (this.visible && run === this.run) {
      await this.refresh();
      if (!this.visible || run !== this.run) return;
      await new Promise(r => setTimeout(r, FLEET_REFRESH_MS));
    }
  }

  async refresh(): Promise<void> {
    const res = await getJson<FleetDoc>('/api/fleet');
    const now = Date.now();
    const good = res.ok && Array.isArray(res.data.supernodes);
    this.status.classList.toggle('failed', !good);
    if (res.ok && good) {
      this.lastGood = now;
      fill(this.box, fleetTable(res.data, this.shown()));
      const n = res.data.supernodes.length;
      setText(this.status, `${n} supernode${n === 1 ? '' : 's'} · answered by ${res.data.instance} · updated ${fmtTime(now)}`);
      return;
    }
    const why = res.ok ? 'the answer is not a fleet document' : res.message;
    setText(this.status, this.lastGood === null
      ? `fleet not available: ${why}`
      : `last refresh failed at ${fmtTime(now)} (${why}); showing the table from ${fmtTime(this.lastGood)}`);
  }
}
