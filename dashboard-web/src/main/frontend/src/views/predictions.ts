// Predictions: firing prediction alerts ranked by time to failure. Uses /api/predictions; while that
// is not served, ranks the firing predictions of /api/alerts by their eta instead.
import { getJson } from '../api';
import type { App } from '../app';
import { severityColour, severityRank } from '../colour';
import { fill, h, setText } from '../dom';
import { fmtDuration, fmtRelative, fmtTime } from '../format';
import { alertHighlight } from '../highlight';
import { causeId } from '../model';
import type { AlertEvent, PredictionsDoc } from '../types';
import { deviceLink } from './optics';

interface Row {
  alert: AlertEvent;
  eta: number;
  confidence?: number;
}

export class PredictionsView {
  private readonly list = document.getElementById('prediction-list')!;
  private readonly status = document.getElementById('predictions-status')!;
  private visible = false;
  private loading = false;

  constructor(private readonly app: App) {
    app.on('alerts', () => this.visible && void this.load());
  }

  show(visible: boolean): void {
    this.visible = visible;
    if (visible) void this.load();
  }

  private async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    const res = await getJson<PredictionsDoc>('/api/predictions');
    this.loading = false;
    let rows: Row[];
    let now: number;
    if (res.ok) {
      rows = res.data.predictions.map(p => ({ alert: p.alert, eta: p.eta, confidence: p.confidence }));
      now = res.data.at;
    } else {
      rows = this.app.alerts.firing.filter(a => a.kind === 'prediction' && a.eta != null).map(a => ({ alert: a, eta: a.eta! }));
      now = this.app.live.at ?? Date.now();
    }
    rows.sort((a, b) => a.eta - b.eta);
    setText(this.status, `${rows.length} predicted failures${res.ok ? '' : ' (from the alert list: ranking endpoint not available)'}`);
    fill(this.list, ...rows.map(r => this.row(r, now)));
  }

  private row(r: Row, now: number): HTMLElement {
    const a = r.alert;
    const cause = causeId(a.rootCause);
    const sev = h('span', { class: 'sev' }, a.severity);
    sev.style.background = severityColour(severityRank(a.severity));
    const row = h('div', { 'data-testid': 'prediction-row', 'data-eta': r.eta, 'data-alert-id': a.id, class: 'alert-row' },
      h('div', { class: 'alert-head' }, sev,
        h('span', { class: 'eta big' }, `fails ${fmtRelative(r.eta, now)}`),
        h('span', { class: 'muted' }, `at ${fmtTime(r.eta)}`),
        r.confidence !== undefined ? h('span', { class: 'muted' }, `confidence ${Math.round(r.confidence * 100)} %`) : null,
        h('span', { class: 'summary' }, a.summary || a.rule)),
      h('div', { class: 'alert-body' }, h('span', { class: 'muted' }, 'device '), deviceLink(a.device),
        h('span', { class: 'muted' }, ' · root cause '), deviceLink(cause), h('span', { class: 'reason' }, ` — ${a.rootCause.reason}`),
        h('span', { class: 'muted' }, ` · ${(a.affected ?? []).length} affected · lead ${fmtDuration(Math.max(0, r.eta - now))}`)));
    row.addEventListener('click', e => {
      if ((e.target as HTMLElement).closest('a')) return;
      this.app.highlight.set(alertHighlight(`alert ${a.id}`, cause, a.affected ?? []));
    });
    return row;
  }
}
