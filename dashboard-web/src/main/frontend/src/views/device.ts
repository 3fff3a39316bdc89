// Device drill-down: current values with their freshness, then a chart per sensor from /api/history
// (for an engine: rx power, BER and heater of a chosen lane) with the thresholds drawn as lines.
// Charts zoom by dragging across them; a double click resets.
import uPlot from 'uplot';
import { getJson, q } from '../api';
import type { App } from '../app';
import { severityColour } from '../colour';
import { byTestId, fill, h, setText } from '../dom';
import { fmtRelative, fmtTime, fmtValue } from '../format';
import type { DeviceDoc, HistoryDoc, Sensor, Threshold } from '../types';
import { thresholdForMetric } from '../thresholds';
import { deviceLink } from './optics';

const LANE_METRICS = ['rx_dbm', 'pre_fec_ber', 'mrm_heater_mw'];
const LOG_METRICS = new Set(['pre_fec_ber']);

export class DeviceView {
  private readonly root = byTestId('device-detail');
  private charts: uPlot[] = [];
  private token = 0;

  constructor(private readonly app: App) {}

  show(visible: boolean, params?: URLSearchParams): void {
    if (!visible) {
      this.dispose();
      return;
    }
    const id = params?.get('id') ?? '';
    const lane = params?.get('lane');
    void this.load(id, lane !== null && lane !== undefined && lane !== '' ? Number(lane) : null);
  }

  private dispose(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
  }

  private async load(id: string, lane: number | null): Promise<void> {
    const token = ++this.token;
    this.dispose();
    if (!id) {
      fill(this.root, h('p', { class: 'muted' }, 'No device chosen: click a cell on a map.'));
      return;
    }
    fill(this.root, h('h2', {}, id), h('p', { class: 'muted' }, 'loading…'));
    const res = await getJson<DeviceDoc>(q('/api/device', { id }));
    if (token !== this.token) return;
    if (!res.ok) {
      fill(this.root, h('h2', {}, id), h('p', { class: 'muted' }, res.message.startsWith('not available') ? `device details ${res.message}` : res.message));
      return;
    }
    const d = res.data;
    const lanes = [...new Set(d.sensors.filter(s => s.lane !== null).map(s => s.lane!))].sort((a, b) => a - b);
    const chosen = lane !== null && lanes.includes(lane) ? lane : lanes[0] ?? null;
    const laneSelect = h('select', { id: 'device-lane' }, ...lanes.map(n => h('option', { value: n }, `lane ${n}`))) as HTMLSelectElement;
    if (chosen !== null) laneSelect.value = String(chosen);
    laneSelect.addEventListener('change', () => {
      location.hash = `#/device?id=${encodeURIComponent(id)}&lane=${laneSelect.value}`;
    });
    const charts = h('div', { class: 'charts' });
    fill(this.root,
      h('h2', {}, `${d.kind} ${d.id}`),
      h('p', { class: 'muted' }, [d.form && `form ${d.form}`, d.host && `host ${d.host}`, d.loop && `loop ${d.loop}`, `at ${fmtTime(d.at)}`]
        .filter(Boolean).join(' · ')),
      d.engines && d.engines.length ? h('p', {}, 'engines: ', ...d.engines.flatMap(e => [deviceLink(e), ' '])) : null,
      this.alertList(d),
      this.valueTable(d, chosen),
      lanes.length ? h('p', {}, 'charts for ', laneSelect) : null,
      charts);
    const wanted = d.sensors.filter(s => s.lane === null || (s.lane === chosen && LANE_METRICS.includes(s.metric)));
    for (const s of wanted) {
      const box = h('div', { 'data-testid': 'device-chart', 'data-metric': s.metric, 'data-lane': s.lane ?? '', 'data-points': 0, class: 'chart' },
        h('div', { class: 'chart-title' }, chartTitle(s.metric, s.lane, s.unit)));
      charts.appendChild(box);
      void this.chart(token, box, d.id, d.kind, s);
    }
  }

  private alertList(d: DeviceDoc): HTMLElement | null {
    const alerts = d.alerts ?? [];
    if (!alerts.length) return null;
    return h('ul', { class: 'id-list' }, ...alerts.map(a => {
      const sev = h('span', { class: 'sev' }, a.severity);
      sev.style.background = severityColour(a.severity === 'critical' ? 3 : a.severity === 'alarm' ? 2 : 1);
      return h('li', { 'data-alert-id': a.id }, sev, ` ${a.summary || a.rule} — ${a.rootCause.reason}`);
    }));
  }

  private valueTable(d: DeviceDoc, lane: number | null): HTMLElement {
    const rows = d.sensors.filter(s => s.lane === null || s.lane === lane || lane === null);
    return h('table', { class: 'values' },
      h('thead', {}, h('tr', {}, ...['sensor', 'lane', 'value', 'freshness', 'reported', 'laser / link'].map(t => h('th', {}, t)))),
      h('tbody', {}, ...rows.map(s => h('tr', { class: s.freshness !== 'fresh' ? 'stale' : '' },
        h('td', {}, s.metric), h('td', {}, s.lane ?? ''), h('td', { class: 'num' }, fmtValue(s.value, s.unit)),
        h('td', { class: `fresh-${s.freshness}` }, s.freshness),
        h('td', { class: 'muted' }, s.time ? fmtRelative(s.time, d.at) : 'never'),
        h('td', { class: 'muted' }, [s.laser, s.link].filter(Boolean).join(' · '))))));
  }

  private async chart(token: number, box: HTMLElement, device: string, kind: string, s: Sensor): Promise<void> {
    const res = await getJson<HistoryDoc>(q('/api/history', { device, lane: s.lane ?? undefined, metric: s.metric, points: 600 }));
    if (token !== this.token) return;
    if (!res.ok) {
      box.appendChild(h('p', { class: 'muted' }, `history ${res.message}`));
      return;
    }
    const hist = res.data;
    const thresholds = hist.thresholds ?? thresholdForMetric(this.app.model.topo, kind, s.metric);
    const pts = hist.points;
    const data: uPlot.AlignedData = [pts.map(p => p[0] / 1000), pts.map(p => p[1]), pts.map(p => p[2]), pts.map(p => p[3])];
    box.dataset.points = String(pts.length);
    setText(box.firstChild!, `${chartTitle(s.metric, s.lane, hist.unit || s.unit)} · ${pts.length} points from ${hist.source}`);
    if (!pts.length) {
      box.appendChild(h('p', { class: 'muted' }, 'no history yet'));
      return;
    }
    const log = LOG_METRICS.has(s.metric);
    const plot = new uPlot({
      width: Math.max(300, box.clientWidth - 8), height: 180,
      scales: { x: { time: true }, y: { distr: log ? 3 : 1, range: (_u, lo, hi) => withThresholds(lo, hi, thresholds, log) } },
      axes: [{ stroke: '#9aa7b4', grid: { stroke: '#2a323c' } }, log
        ? { stroke: '#9aa7b4', grid: { stroke: '#2a323c' }, size: 64, splits: decades, values: (_u, vals) => vals.map(v => (v > 0 ? `1e${Math.round(Math.log10(v))}` : '')) }
        : { stroke: '#9aa7b4', grid: { stroke: '#2a323c' }, size: 64 }],
      series: [{}, { label: 'min', stroke: '#4d7ea8', width: 1 }, { label: `mean ${hist.unit}`, stroke: '#8fd3ff', width: 2 },
        { label: 'max', stroke: '#4d7ea8', width: 1 }],
      legend: { show: true },
      // The header shows event time in UTC; the charts' axes say the same.
      tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
      plugins: [thresholdLines(thresholds)],
    }, data, box);
    this.charts.push(plot);
  }
}

/** Widens the y range so the warning and alarm lines are on the chart. */
function withThresholds(lo: number | null, hi: number | null, t: Threshold | undefined, log: boolean): uPlot.Range.MinMax {
  const marks = [t?.warning, t?.alarm].filter((v): v is number => v !== undefined && (!log || v > 0));
  let a = Math.min(lo ?? Infinity, ...marks);
  let b = Math.max(hi ?? -Infinity, ...marks);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return log ? [1e-12, 1] : [0, 1];
  if (log) return [a / 3, b * 3];
  const pad = (b - a) * 0.08 || 1;
  a -= pad;
  b += pad;
  return [a, b];
}

/** Draws warning, alarm and critical as dashed horizontal lines with their names. */
function thresholdLines(t: Threshold | undefined): uPlot.Plugin {
  return {
    hooks: {
      draw: [u => {
        if (!t) return;
        const ctx = u.ctx;
        const lines: [number | undefined, number, string][] = [[t.warning, 1, 'warning'], [t.alarm, 2, 'alarm'], [t.critical, 3, 'critical']];
        ctx.save();
        ctx.setLineDash([6, 4]);
        ctx.lineWidth = 1.5 * devicePixelRatio;
        ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
        for (const [v, rank, name] of lines) {
          if (v === undefined) continue;
          const y = u.valToPos(v, 'y', true);
          if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) continue;
          ctx.strokeStyle = severityColour(rank);
          ctx.fillStyle = severityColour(rank);
          ctx.beginPath();
          ctx.moveTo(u.bbox.left, y);
          ctx.lineTo(u.bbox.left + u.bbox.width, y);
          ctx.stroke();
          // Alarm labels on the left, the others on the right: neighbouring lines do not overprint.
          const left = rank === 2;
          ctx.textAlign = left ? 'left' : 'right';
          ctx.fillText(`${name} ${fmtValue(v)}`, left ? u.bbox.left + 4 : u.bbox.left + u.bbox.width - 4, y - 3);
        }
        ctx.restore();
      }],
    },
  };
}

function chartTitle(metric: string, lane: number | null, unit: string): string {
  return `${metric}${lane !== null ? ` lane ${lane}` : ''}${unit ? ` (${unit})` : ''}`;
}

/** Grid lines of a log axis at whole decades only (BER reads in decades). */
function decades(_u: uPlot, _axis: number, min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(min)); e <= Math.floor(Math.log10(max)); e++) out.push(10 ** e);
  return out;
}
