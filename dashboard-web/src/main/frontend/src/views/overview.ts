// Overview: every GPU and switch with its engines on one canvas, coloured by the chosen metric.
// Layout is computed once per topology and width; a repaint is scheduled with requestAnimationFrame
// only when data, metric or highlight changed, and draws rectangles only (no DOM per cell).
import type { App } from '../app';
import { colourOf, HEALTH_SCALE, NOT_APPLICABLE, sequentialScale, severityColour, thresholdScale, type Scale } from '../colour';
import { byTestId, fill, h, setText } from '../dom';
import { fmtNumber } from '../format';
import { cellAt, layoutOverview, type Layout } from '../layout';
import { splitLane } from '../model';
import { thresholdFor } from '../thresholds';
import { renderLegend } from './legend';

export type OverviewMetric = 'temp' | 'power' | 'margin' | 'health';
const TABLE_GPUS = 64;
const DEFAULT_RX_ALARM = -9.91;

export class OverviewView {
  private readonly canvas = byTestId<HTMLCanvasElement>('overview-map');
  private readonly select = byTestId<HTMLSelectElement>('overview-metric');
  private readonly legend = document.getElementById('overview-legend')!;
  private readonly tooltip = document.getElementById('tooltip')!;
  private readonly tableCells: HTMLElement[] = [];
  private layout: Layout | null = null;
  private metric: OverviewMetric = 'temp';
  private pending = false;
  private visible = false;
  private highlighted = new Set<number>();
  /** Values of the cells at the last paint, for the tooltip. */
  private cellValues = new Float64Array(0);

  constructor(private readonly app: App) {
    this.select.addEventListener('change', () => {
      this.metric = this.select.value as OverviewMetric;
      this.invalidate();
    });
    this.canvas.addEventListener('mousemove', e => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => (this.tooltip.hidden = true));
    this.canvas.addEventListener('click', e => this.click(e));
    app.on('live', () => this.invalidate());
    app.on('alerts', () => this.invalidate());
    app.highlight.subscribe(() => this.invalidate());
    new ResizeObserver(() => this.relayout()).observe(this.canvas.parentElement!);
    this.buildTable();
  }

  show(visible: boolean): void {
    this.visible = visible;
    if (visible) this.relayout();
  }

  private relayout(): void {
    const width = Math.max(320, Math.floor(this.canvas.parentElement!.clientWidth));
    if (this.layout && this.layout.width === width) return this.invalidate();
    const m = this.app.model;
    this.layout = layoutOverview(m.hosts, m.engines.length, width);
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(this.layout.height * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${this.layout.height}px`;
    this.cellValues = new Float64Array(this.layout.ref.length);
    this.invalidate();
  }

  invalidate(): void {
    if (this.pending || !this.visible) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.paint();
    });
  }

  private scale(): Scale {
    const topo = this.app.model.topo;
    switch (this.metric) {
      case 'temp': return thresholdScale('GPU temperature', '°C', thresholdFor(topo, 'gpu.temp_c'), [40, 95]);
      case 'power': return sequentialScale('power', 'W', 0, 1200);
      case 'margin': {
        const rx = thresholdFor(topo, 'oe.rx_dbm');
        const alarm = rx?.alarm ?? DEFAULT_RX_ALARM;
        const warning = rx?.warning !== undefined ? rx.warning - alarm : 2;
        return thresholdScale('worst lane rx margin over alarm', 'dB', { warning, alarm: 0, direction: 'below' }, [0, 10]);
      }
      case 'health': return HEALTH_SCALE;
    }
  }

  private rxAlarm(): number {
    return thresholdFor(this.app.model.topo, 'oe.rx_dbm')?.alarm ?? DEFAULT_RX_ALARM;
  }

  /** Value of every cell for the metric; NaN = stale/missing, -Infinity = metric not applicable. */
  private computeValues(layout: Layout): void {
    const app = this.app;
    const m = app.model;
    const out = this.cellValues;
    const engineVal = (e: number): number => {
      switch (this.metric) {
        case 'temp': return num(app.values('oe.temp_c')[e]);
        case 'power': return -Infinity;
        case 'margin': return num(app.values('oe.rx_dbm_min')[e]) - this.rxAlarm();
        case 'health': return app.severity.get(m.engines[e].id) ?? 0;
      }
    };
    for (let c = layout.hostCells; c < layout.ref.length; c++) out[c] = engineVal(layout.ref[c]);
    for (let c = 0; c < layout.hostCells; c++) {
      const host = m.hosts[layout.ref[c]];
      const section = host.kind === 'gpu' ? 'gpu' : 'switch';
      let v: number;
      switch (this.metric) {
        case 'temp': v = num(app.values(`${section}.temp_c`)[host.index]); break;
        case 'power': v = num(app.values(`${section}.power_w`)[host.index]); break;
        case 'margin': {
          v = NaN;
          for (const e of host.engines) {
            const x = out[layout.engineCell[e]];
            if (!Number.isNaN(x) && (Number.isNaN(v) || x < v)) v = x;
          }
          break;
        }
        case 'health': {
          v = app.severity.get(host.id) ?? 0;
          for (const e of host.engines) v = Math.max(v, out[layout.engineCell[e]]);
          break;
        }
      }
      out[c] = v;
    }
  }

  private paint(): void {
    const layout = this.layout;
    if (!layout) return;
    const started = performance.now();
    const ctx = this.canvas.getContext('2d')!;
    const dpr = this.canvas.width / layout.width;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, layout.width, layout.height);
    this.computeValues(layout);
    const scale = this.scale();
    const r = layout.rects;
    const n = layout.ref.length;
    for (let c = 0; c < n; c++) {
      const v = this.cellValues[c];
      ctx.fillStyle = v === -Infinity ? NOT_APPLICABLE : colourOf(scale, Number.isNaN(v) ? null : v);
      ctx.fillRect(r[c * 4], r[c * 4 + 1], r[c * 4 + 2], r[c * 4 + 3]);
    }
    this.drawBadges(ctx, layout);
    this.drawHighlight(ctx, layout, scale);
    ctx.fillStyle = '#9aa7b4';
    ctx.font = '11px system-ui, sans-serif';
    for (const l of layout.labels) ctx.fillText(`rack ${l.text}`, l.x, l.y);
    this.canvas.dataset.cells = String(n);
    this.canvas.dataset.highlighted = String(this.highlighted.size);
    this.canvas.dataset.renderMs = (performance.now() - started).toFixed(1);
    renderLegend(this.legend, scale, this.metric === 'power' ? ['engines: no power sensor (dark)'] : []);
    this.updateTable(layout);
  }

  /** A triangle in the top-right corner of a host with a firing alert, in the severity's colour. */
  private drawBadges(ctx: CanvasRenderingContext2D, layout: Layout): void {
    const m = this.app.model;
    const r = layout.rects;
    for (let c = 0; c < layout.hostCells; c++) {
      const host = m.hosts[layout.ref[c]];
      let rank = this.app.severity.get(host.id) ?? 0;
      for (const e of host.engines) rank = Math.max(rank, this.app.severity.get(m.engines[e].id) ?? 0);
      if (rank === 0) continue;
      const x = r[c * 4] + r[c * 4 + 2];
      const y = r[c * 4 + 1];
      const s = Math.min(9, r[c * 4 + 3]);
      ctx.beginPath();
      ctx.moveTo(x - s, y);
      ctx.lineTo(x, y);
      ctx.lineTo(x, y + s);
      ctx.closePath();
      ctx.fillStyle = severityColour(rank);
      ctx.fill();
      ctx.strokeStyle = '#0b0e12';
      ctx.lineWidth = 1;
      ctx.stroke();
    }
  }

  /** Dims everything else, then redraws the highlighted cells at full colour with a white frame. */
  private drawHighlight(ctx: CanvasRenderingContext2D, layout: Layout, scale: Scale): void {
    const m = this.app.model;
    this.highlighted = new Set();
    for (const id of this.app.highlight.get()?.overview ?? []) {
      const { device } = splitLane(id);
      const hostIdx = m.hostById.get(device);
      const engine = m.engineById.get(device);
      const cell = hostIdx !== undefined ? layout.hostCell[hostIdx] : engine !== undefined ? layout.engineCell[engine] : -1;
      if (cell >= 0) this.highlighted.add(cell);
    }
    if (this.highlighted.size === 0) return;
    const r = layout.rects;
    ctx.fillStyle = 'rgba(11,14,18,0.65)';
    ctx.fillRect(0, 0, layout.width, layout.height);
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#ffffff';
    for (const c of this.highlighted) {
      const v = this.cellValues[c];
      ctx.fillStyle = v === -Infinity ? NOT_APPLICABLE : colourOf(scale, Number.isNaN(v) ? null : v);
      ctx.fillRect(r[c * 4], r[c * 4 + 1], r[c * 4 + 2], r[c * 4 + 3]);
      ctx.strokeRect(r[c * 4] - 1, r[c * 4 + 1] - 1, r[c * 4 + 2] + 2, r[c * 4 + 3] + 2);
    }
  }

  private buildTable(): void {
    const table = document.getElementById('overview-table')!;
    const items = this.app.model.hosts.filter(x => x.kind === 'gpu').slice(0, TABLE_GPUS);
    const cells = items.map(host => {
      const value = h('span', { 'data-testid': 'overview-value', 'data-id': host.id, class: 'ov-value' }, '–');
      this.tableCells.push(value);
      return h('div', { class: 'ov-item' }, h('a', { href: `#/device?id=${encodeURIComponent(host.id)}`, class: 'ov-id' }, shortId(host.id)), value);
    });
    fill(table, ...cells);
  }

  private updateTable(layout: Layout): void {
    const m = this.app.model;
    for (const el of this.tableCells) {
      const idx = m.hostById.get(el.dataset.id!);
      const v = idx === undefined ? NaN : this.cellValues[layout.hostCell[idx]];
      setText(el, this.text(v));
      el.classList.toggle('stale', Number.isNaN(v));
    }
  }

  private text(v: number): string {
    if (v === -Infinity) return 'n/a';
    if (Number.isNaN(v)) return '–';
    switch (this.metric) {
      case 'temp': return `${v.toFixed(1)} °C`;
      case 'power': return `${Math.round(v)} W`;
      case 'margin': return `${v >= 0 ? '+' : ''}${v.toFixed(2)} dB`;
      case 'health': return HEALTH_SCALE.names![Math.round(v)] ?? fmtNumber(v);
    }
  }

  private cellUnder(e: MouseEvent): number {
    if (!this.layout) return -1;
    const rect = this.canvas.getBoundingClientRect();
    return cellAt(this.layout, e.clientX - rect.left, e.clientY - rect.top);
  }

  private idOf(cell: number): string {
    const layout = this.layout!;
    const m = this.app.model;
    return cell < layout.hostCells ? m.hosts[layout.ref[cell]].id : m.engines[layout.ref[cell]].id;
  }

  private hover(e: MouseEvent): void {
    const c = this.cellUnder(e);
    if (c < 0) {
      this.tooltip.hidden = true;
      return;
    }
    const label = this.metric === 'margin' && c < this.layout!.hostCells ? 'worst engine' : '';
    setText(this.tooltip, `${this.idOf(c)}  ${label} ${this.text(this.cellValues[c])}`.replace(/ +/g, ' '));
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${e.clientX + 14}px`;
    this.tooltip.style.top = `${e.clientY + 14}px`;
  }

  private click(e: MouseEvent): void {
    const c = this.cellUnder(e);
    if (c >= 0) location.hash = `#/device?id=${encodeURIComponent(this.idOf(c))}`;
  }
}

function num(v: number | null | undefined): number {
  return v === null || v === undefined ? NaN : v;
}

/** "sn01/t01/gpu0" → "t01/gpu0": the supernode prefix is the same for every cell. */
export function shortId(id: string): string {
  const i = id.indexOf('/');
  return i >= 0 ? id.slice(i + 1) : id;
}
