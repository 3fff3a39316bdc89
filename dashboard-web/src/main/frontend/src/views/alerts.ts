// Alerts: firing first (worst first), then resolved (newest first). A row shows severity, category,
// root cause with its reason, the affected set (expandable), the eta of a prediction relative to event
// time, and acknowledgement. Clicking a row highlights its root cause and affected set on the maps.
import { postJson } from '../api';
import { can, current, needs } from '../auth';
import type { App } from '../app';
import { severityColour, severityRank } from '../colour';
import { byTestId, fill, h, setText } from '../dom';
import { fmtRelative, fmtTime } from '../format';
import { alertHighlight } from '../highlight';
import { causeId } from '../model';
import type { Ack, AlertEvent } from '../types';
import { deviceLink } from './optics';
import { HistoryPanel, SilencesPanel, silenceForm } from './silences';

type Tab = 'list' | 'silences' | 'history';

const BY_KEY = 'supernode-twin.ack-by';

export class AlertsView {
  private readonly list = document.getElementById('alert-list')!;
  private readonly status = document.getElementById('alerts-status')!;
  private readonly by = document.getElementById('ack-by') as HTMLInputElement;
  private etaCells: { el: HTMLElement; eta: number }[] = [];
  private visible = false;
  private tab: Tab = 'list';
  private readonly silences = new SilencesPanel(() => this.app.emit('alerts-stale'));
  private readonly history = new HistoryPanel();
  // An open silence form survives re-renders (alerts refresh while someone types a comment).
  private openForm: { alertId: string; form: HTMLElement } | null = null;

  constructor(private readonly app: App) {
    for (const t of ['list', 'silences', 'history'] as Tab[]) {
      byTestId(`alerts-tab-${t}`).addEventListener('click', () => this.showTab(t));
    }
    this.by.value = localStorage.getItem(BY_KEY) ?? '';
    this.by.addEventListener('change', () => localStorage.setItem(BY_KEY, this.by.value.trim()));
    // Signed in, acknowledgements carry the user's own name: the field is only for an open twin.
    if (current()?.open === false) (this.by.closest('label') as HTMLElement).hidden = true;
    app.on('alerts', () => this.render());
    app.on('live', () => this.visible && this.updateEtas());
    app.highlight.subscribe(() => this.markSelected());
  }

  show(visible: boolean): void {
    this.visible = visible;
    if (visible) this.showTab(this.tab);
  }

  private showTab(tab: Tab): void {
    this.tab = tab;
    for (const t of ['list', 'silences', 'history'] as Tab[]) {
      byTestId(`alerts-tab-${t}`).classList.toggle('active', t === tab);
      document.getElementById(`alerts-pane-${t}`)!.hidden = t !== tab;
    }
    if (tab === 'list') this.render();
    else if (tab === 'silences') void this.silences.refresh();
    else void this.history.refresh();
  }

  private render(): void {
    const { firing, recent, acks } = this.app.alerts;
    const firingIds = new Set(firing.map(a => a.id));
    const resolved = new Map<string, AlertEvent>();
    for (const e of recent) if (e.state !== 'firing' && !firingIds.has(e.id)) resolved.set(e.id, e);
    const firingSorted = [...firing].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.ts - a.ts);
    const resolvedSorted = [...resolved.values()].sort((a, b) => b.ts - a.ts);
    this.etaCells = [];
    setText(this.status, this.app.alertsAvailable
      ? `${firing.length} firing, ${resolvedSorted.length} resolved recently${this.app.alerts.events !== undefined ? `, ${this.app.alerts.events} events since start` : ''}`
      : 'alerts not available');
    fill(this.list, ...firingSorted.map(a => this.row(a, acks?.[a.id])), ...resolvedSorted.map(a => this.row(a, undefined)));
    this.markSelected();
  }

  private row(a: AlertEvent, ack: Ack | undefined): HTMLElement {
    const cause = causeId(a.rootCause);
    const affected = a.affected ?? [];
    const eta = h('span', { 'data-testid': 'alert-eta', class: 'eta' });
    if (a.eta !== null && a.eta !== undefined) {
      this.etaCells.push({ el: eta, eta: a.eta });
      eta.textContent = this.etaText(a.eta);
    }
    const ackCell = h('span', { class: 'ack' });
    if (a.state === 'firing') this.fillAck(ackCell, a.id, ack);
    const silenced = a.silenced
      ? h('span', { 'data-testid': 'alert-silenced', 'data-silence-id': a.silenced.id, class: 'silenced' }, `silenced (${a.silenced.target})`)
      : null;
    const formSlot = h('div', { class: 'silence-slot' });
    const silenceButton = a.state === 'firing' && !a.silenced
      ? h('button', { type: 'button', 'data-testid': 'alert-silence' }, 'silence') : null;
    if (silenceButton && this.openForm?.alertId === a.id) fill(formSlot, this.openForm.form);
    silenceButton?.addEventListener('click', () => {
      if (formSlot.firstChild) {
        fill(formSlot);
        this.openForm = null;
        return;
      }
      const form = silenceForm(cause, () => this.by.value.trim() || 'operator', () => {
        this.openForm = null;
        this.app.emit('alerts-stale');
        void this.silences.refresh();
      });
      this.openForm = { alertId: a.id, form };
      fill(formSlot, form);
    });
    const sev = h('span', { class: `sev sev-${a.severity}` }, a.severity);
    sev.style.background = severityColour(severityRank(a.severity));
    const row = h('div', {
      'data-testid': 'alert-row', 'data-alert-id': a.id, 'data-state': a.state, 'data-kind': a.kind,
      class: `alert-row state-${a.state}${a.silenced ? ' is-silenced' : ''}`, tabindex: 0,
    },
      h('div', { class: 'alert-head' }, sev, h('span', { class: 'cat' }, a.category), h('span', { class: 'kind' }, a.kind),
        h('span', { class: 'summary' }, a.summary || a.rule), h('span', { class: 'muted time' }, fmtTime(a.ts)), eta, silenced, ackCell, silenceButton),
      h('div', { class: 'alert-body' },
        h('span', { class: 'muted' }, 'root cause '),
        h('span', { 'data-testid': 'alert-root-cause', 'data-id': cause }, deviceLink(cause)),
        h('span', { class: 'reason' }, ` — ${a.rootCause.reason}`),
        h('details', { 'data-testid': 'alert-affected', 'data-count': affected.length },
          h('summary', {}, `${affected.length} affected`),
          h('ul', { class: 'id-list' }, ...affected.map(id => h('li', { 'data-id': id }, deviceLink(id)))))),
      formSlot);
    row.addEventListener('click', e => {
      const t = e.target as HTMLElement;
      if (t.closest('button, a, summary, input, select, .silence-form')) return;
      this.app.highlight.set(alertHighlight(`alert ${a.id}`, cause, affected));
    });
    return row;
  }

  private fillAck(cell: HTMLElement, id: string, ack: Ack | undefined): void {
    if (ack) {
      fill(cell, h('span', { 'data-testid': 'alert-ack', class: 'acked' }, `acknowledged by ${ack.by} at ${fmtTime(ack.at)}`));
      return;
    }
    const button = h('button', { 'data-testid': 'alert-ack', type: 'button' }, 'acknowledge') as HTMLButtonElement;
    if (!can('operator')) {
      button.disabled = true;
      button.title = needs('operator');
      fill(cell, button);
      return;
    }
    button.addEventListener('click', async () => {
      // Signed in, the server records the user's own name; the field is for an open twin.
      const by = current()?.open === false ? current()!.user : (this.by.value.trim() || 'operator');
      button.disabled = true;
      const res = await postJson<{ id: string; by: string; at: number }>('/api/alerts/ack', { id, by });
      if (res.ok) {
        this.app.alerts.acks = { ...(this.app.alerts.acks ?? {}), [id]: { by: res.data.by, at: res.data.at } };
        this.fillAck(cell, id, { by: res.data.by, at: res.data.at });
      } else {
        button.disabled = false;
        button.title = res.message;
        setText(button, res.status === 404 && res.message.includes('alert') ? 'unknown alert' : 'ack not available');
      }
    });
    fill(cell, button);
  }

  private etaText(eta: number): string {
    return `fails ${fmtRelative(eta, this.app.live.at ?? Date.now())}`;
  }

  private updateEtas(): void {
    for (const { el, eta } of this.etaCells) setText(el, this.etaText(eta));
  }

  private markSelected(): void {
    const label = this.app.highlight.get()?.label;
    for (const row of this.list.querySelectorAll<HTMLElement>('[data-testid="alert-row"]')) {
      row.classList.toggle('selected', label === `alert ${row.dataset.alertId}`);
    }
  }
}

/** The highlight list and its clear button, shown beside every map. */
export class HighlightPanel {
  private readonly list = byTestId('highlight-list');
  private readonly label = document.getElementById('highlight-label')!;
  private readonly panel = document.getElementById('highlight-panel')!;

  constructor(private readonly app: App) {
    byTestId('clear-highlight').addEventListener('click', () => app.highlight.set(null));
    app.highlight.subscribe(() => this.render());
    this.render();
  }

  private render(): void {
    const hl = this.app.highlight.get();
    this.panel.classList.toggle('empty', !hl);
    setText(this.label, hl ? `${hl.label}: ${hl.list.length} highlighted` : 'nothing highlighted');
    fill(this.list, ...(hl?.list ?? []).map(id => h('li', { 'data-id': id }, deviceLink(id))));
  }
}
