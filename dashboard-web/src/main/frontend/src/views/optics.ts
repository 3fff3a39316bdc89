// Optics: one row per engine, one cell per lane, coloured by the lane values of /api/lanes (polled
// every 2 s while the view is visible) against the thresholds in force. Rows wrap into column blocks
// so that 4,000 engines fit a screen. Also the laser blast radius and the OCS port chooser.
import { getJson, q } from '../api';
import type { App } from '../app';
import { colourOf, thresholdScale, type Scale } from '../colour';
import { byTestId, fill, h, setText } from '../dom';
import { fmtValue } from '../format';
import { splitLane } from '../model';
import type { LanesDoc, LaserDoc, Link, OcsPortDoc } from '../types';
import { FEC_LIMIT, thresholdFor } from '../thresholds';
import { renderLegend } from './legend';

export type OpticsMetric = 'rx_dbm' | 'pre_fec_ber' | 'mrm_heater_mw';
const POLL_MS = 2000;
const BLOCK_GAP = 8;

interface Grid {
  s: number;
  blockW: number;
  rowsPerBlock: number;
  width: number;
  height: number;
}

export class OpticsView {
  private readonly canvas = byTestId<HTMLCanvasElement>('optics-map');
  private readonly select = byTestId<HTMLSelectElement>('optics-metric');
  private readonly laserSelect = byTestId<HTMLSelectElement>('laser-select');
  private readonly portSelect = byTestId<HTMLSelectElement>('ocs-port-select');
  private readonly blast = byTestId('blast-radius');
  private readonly ocsLinks = byTestId('ocs-links');
  private readonly legend = document.getElementById('optics-legend')!;
  private readonly status = document.getElementById('optics-status')!;
  private readonly tooltip = document.getElementById('tooltip')!;
  private metric: OpticsMetric = 'rx_dbm';
  private values: (number | null)[] = [];
  private grid: Grid | null = null;
  private visible = false;
  private timer: number | undefined;
  private pending = false;
  private highlighted = new Set<number>();

  constructor(private readonly app: App) {
    this.select.addEventListener('change', () => {
      this.metric = this.select.value as OpticsMetric;
      this.values = [];
      this.invalidate();
      void this.poll();
    });
    const lasers = (app.model.topo.laser ?? []).map(l => l.id);
    const ports = (app.model.topo.ocsPort ?? []).map(p => p.id);
    chooser(this.laserSelect, document.getElementById('laser-filter') as HTMLInputElement, lasers, 'lasers');
    chooser(this.portSelect, document.getElementById('port-filter') as HTMLInputElement, ports, 'OCS ports');
    this.laserSelect.addEventListener('change', () => {
      location.hash = this.laserSelect.value ? `#/optics?laser=${encodeURIComponent(this.laserSelect.value)}` : '#/optics';
    });
    this.portSelect.addEventListener('change', () => {
      location.hash = this.portSelect.value ? `#/optics?port=${encodeURIComponent(this.portSelect.value)}` : '#/optics';
    });
    this.canvas.addEventListener('mousemove', e => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => (this.tooltip.hidden = true));
    this.canvas.addEventListener('click', e => this.click(e));
    app.highlight.subscribe(() => this.invalidate());
    new ResizeObserver(() => this.relayout()).observe(this.canvas.parentElement!);
  }

  show(visible: boolean, params?: URLSearchParams): void {
    this.visible = visible;
    clearInterval(this.timer);
    if (!visible) return;
    this.relayout();
    void this.poll();
    this.timer = window.setInterval(() => void this.poll(), POLL_MS);
    const laser = params?.get('laser');
    const port = params?.get('port');
    if (laser) void this.chooseLaser(laser);
    if (port) void this.choosePort(port);
  }

  private async poll(): Promise<void> {
    const metric = this.metric;
    const res = await getJson<LanesDoc>(q('/api/lanes', { metric }));
    if (metric !== this.metric) return;
    if (res.ok) {
      this.values = res.data.values ?? [];
      setText(this.status, '');
    } else {
      this.values = [];
      setText(this.status, `lane values ${res.message}`);
    }
    this.invalidate();
  }

  private relayout(): void {
    const width = Math.max(320, Math.floor(this.canvas.parentElement!.clientWidth));
    const m = this.app.model;
    let lanes = 1;
    for (let e = 0; e < m.engines.length; e++) lanes = Math.max(lanes, m.laneStart[e + 1] - m.laneStart[e]);
    const engines = Math.max(1, m.engines.length);
    let grid: Grid | null = null;
    for (let s = 14; s >= 2; s--) {
      const blockW = lanes * s + BLOCK_GAP;
      const blocks = Math.max(1, Math.floor((width + BLOCK_GAP) / blockW));
      const rowsPerBlock = Math.ceil(engines / blocks);
      grid = { s, blockW, rowsPerBlock, width, height: rowsPerBlock * s };
      if (grid.height <= 640) break;
    }
    this.grid = grid;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(grid!.height * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${grid!.height}px`;
    this.invalidate();
  }

  private invalidate(): void {
    if (this.pending || !this.visible) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.paint();
    });
  }

  scale(): Scale {
    const topo = this.app.model.topo;
    switch (this.metric) {
      case 'rx_dbm': return thresholdScale('rx power', 'dBm', thresholdFor(topo, 'oe.rx_dbm'), [-12, 2]);
      case 'pre_fec_ber': return thresholdScale('pre-FEC BER', '', thresholdFor(topo, 'oe.pre_fec_ber'), [1e-9, FEC_LIMIT], true);
      case 'mrm_heater_mw': return thresholdScale('ring heater', 'mW', thresholdFor(topo, 'oe.mrm_heater_mw'), [0, 30]);
    }
  }

  private unit(): string {
    return this.metric === 'rx_dbm' ? 'dBm' : this.metric === 'mrm_heater_mw' ? 'mW' : '';
  }

  private laneRect(flat: number): [number, number, number] {
    const g = this.grid!;
    const m = this.app.model;
    const e = m.engineOfLane(flat);
    const lane = flat - m.laneStart[e];
    const block = Math.floor(e / g.rowsPerBlock);
    const row = e % g.rowsPerBlock;
    return [block * g.blockW + lane * g.s, row * g.s, g.s > 4 ? g.s - 1 : g.s];
  }

  private paint(): void {
    const g = this.grid;
    if (!g) return;
    const m = this.app.model;
    const ctx = this.canvas.getContext('2d')!;
    const dpr = this.canvas.width / g.width;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, g.width, g.height);
    const scale = this.scale();
    for (let e = 0; e < m.engines.length; e++) {
      const block = Math.floor(e / g.rowsPerBlock);
      const y = (e % g.rowsPerBlock) * g.s;
      const size = g.s > 4 ? g.s - 1 : g.s;
      for (let f = m.laneStart[e]; f < m.laneStart[e + 1]; f++) {
        ctx.fillStyle = colourOf(scale, this.values[f]);
        ctx.fillRect(block * g.blockW + (f - m.laneStart[e]) * g.s, y, size, size);
      }
    }
    this.highlighted = this.highlightedLanes();
    if (this.highlighted.size > 0) {
      // Dim the rest so a handful of lanes among thousands is found at a glance.
      ctx.fillStyle = 'rgba(11,14,18,0.65)';
      ctx.fillRect(0, 0, g.width, g.height);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = g.s > 4 ? 2 : 1;
      for (const f of this.highlighted) {
        const [x, y, size] = this.laneRect(f);
        ctx.fillStyle = colourOf(scale, this.values[f]);
        ctx.fillRect(x, y, size, size);
        ctx.strokeRect(x - 0.5, y - 0.5, size + 1, size + 1);
      }
    }
    this.canvas.dataset.cells = String(m.laneCount);
    this.canvas.dataset.highlighted = String(this.highlighted.size);
    renderLegend(this.legend, scale, this.metric === 'pre_fec_ber' ? [`FEC limit ${FEC_LIMIT.toExponential(1)}`] : []);
  }

  /** Lanes to mark: lane ids exactly; an engine all its lanes; a host the lanes of its engines. */
  private highlightedLanes(): Set<number> {
    const m = this.app.model;
    const out = new Set<number>();
    const engineLanes = (e: number) => {
      for (let f = m.laneStart[e]; f < m.laneStart[e + 1]; f++) out.add(f);
    };
    for (const id of this.app.highlight.get()?.optics ?? []) {
      const flat = m.laneIndex(id);
      if (flat >= 0) {
        out.add(flat);
        continue;
      }
      const { device, lane } = splitLane(id);
      if (lane !== null) continue;
      const e = m.engineById.get(device);
      if (e !== undefined) engineLanes(e);
      const host = m.hostById.get(device);
      if (host !== undefined) m.hosts[host].engines.forEach(engineLanes);
    }
    return out;
  }

  private laneUnder(ev: MouseEvent): number {
    const g = this.grid;
    if (!g) return -1;
    const rect = this.canvas.getBoundingClientRect();
    const x = ev.clientX - rect.left;
    const y = ev.clientY - rect.top;
    const block = Math.floor(x / g.blockW);
    const lane = Math.floor((x - block * g.blockW) / g.s);
    const e = block * g.rowsPerBlock + Math.floor(y / g.s);
    const m = this.app.model;
    if (e < 0 || e >= m.engines.length || lane < 0 || lane >= m.laneStart[e + 1] - m.laneStart[e]) return -1;
    return m.laneStart[e] + lane;
  }

  private hover(ev: MouseEvent): void {
    const f = this.laneUnder(ev);
    if (f < 0) {
      this.tooltip.hidden = true;
      return;
    }
    setText(this.tooltip, `${this.app.model.laneId(f)}  ${fmtValue(this.values[f], this.unit())}`);
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${ev.clientX + 14}px`;
    this.tooltip.style.top = `${ev.clientY + 14}px`;
  }

  private click(ev: MouseEvent): void {
    const f = this.laneUnder(ev);
    if (f < 0) return;
    const m = this.app.model;
    const e = m.engineOfLane(f);
    location.hash = `#/device?id=${encodeURIComponent(m.engines[e].id)}&lane=${f - m.laneStart[e]}`;
  }

  private async chooseLaser(id: string): Promise<void> {
    this.laserSelect.value = id;
    fill(this.blast, h('p', { class: 'muted' }, 'loading…'));
    const res = await getJson<LaserDoc>(q('/api/laser', { id }));
    if (!res.ok) {
      fill(this.blast, h('p', { class: 'muted' }, `blast radius ${res.message}`));
      return;
    }
    const d = res.data;
    const gpus = d.gpus ?? [];
    this.app.highlight.set({ label: `laser ${d.laser}`, list: [...d.lanes, ...gpus], overview: gpus, optics: d.lanes });
    fill(this.blast,
      h('h4', {}, `Laser ${d.laser}: ${d.lanes.length} lanes, ${d.links.length} links, ${gpus.length} hosts`),
      h('div', { class: 'columns' },
        section('lanes', d.lanes.map(l => h('li', { 'data-lane': l }, l))),
        section('links', d.links.map(l => linkItem(l))),
        section('hosts at both ends', gpus.map(g => h('li', { 'data-gpu': g }, deviceLink(g))))));
  }

  private async choosePort(id: string): Promise<void> {
    this.portSelect.value = id;
    fill(this.ocsLinks, h('li', { class: 'muted' }, 'loading…'));
    const res = await getJson<OcsPortDoc>(q('/api/ocs-port', { id }));
    if (!res.ok) {
      fill(this.ocsLinks, h('li', { class: 'muted' }, `OCS port ${res.message}`));
      return;
    }
    const d = res.data;
    const head = h('li', { class: 'muted' }, `${d.port} ↔ ${d.crossConnect ?? '–'}${d.switching ? ' (switching)' : ''}: ${d.links.length} links`);
    fill(this.ocsLinks, head, ...d.links.map(l => linkItem(l)));
  }
}

function section(title: string, items: HTMLElement[]): HTMLElement {
  return h('div', {}, h('h5', {}, `${title} (${items.length})`), h('ul', { class: 'id-list' }, ...items));
}

function linkItem(l: Link): HTMLElement {
  const ports = l.ports && l.ports.length ? ` via ${l.ports.join(', ')}` : '';
  return h('li', { 'data-link': l.id }, `${l.a} ↔ ${l.b}${ports}`);
}

export function deviceLink(id: string): HTMLElement {
  return h('a', { href: `#/device?id=${encodeURIComponent(id)}` }, id);
}

/**
 * Fills a chooser with every id; typing in its filter box narrows the list (thousands of OCS ports
 * are not browsable in a plain drop-down).
 */
function chooser(select: HTMLSelectElement, filter: HTMLInputElement | null, ids: string[], what: string): void {
  const render = (text: string) => {
    const shown = text ? ids.filter(id => id.includes(text)) : ids;
    const current = select.value;
    fill(select, h('option', { value: '' }, ids.length === 0 ? `no ${what}` : text ? `${shown.length} of ${ids.length} ${what}…` : `choose one of ${ids.length} ${what}…`),
      ...shown.map(id => h('option', { value: id }, id)));
    if (shown.includes(current)) select.value = current;
  };
  render('');
  select.disabled = ids.length === 0;
  if (filter) {
    filter.hidden = ids.length === 0;
    filter.addEventListener('input', () => render(filter.value.trim()));
  }
}
