// Cooling: each CDU (one loop each) with supply/return/ΔT/flow/pressures, its cold plates as a map
// coloured by outlet temperature (with the plates that need attention listed with numbers), and the
// leak sensors. Updated from the live stream; stale values grey.
import type { App } from '../app';
import { colourOf, STALE, thresholdScale } from '../colour';
import { byTestId, fill, h, setText } from '../dom';
import { fmtValue } from '../format';
import { renderLegend } from './legend';

const WORST = 8;

export class CoolingView {
  private readonly table = byTestId('cdu-table');
  private readonly plates = byTestId('plate-map');
  private readonly leaks = byTestId('leaks');
  private readonly worst = document.getElementById('plate-worst')!;
  private readonly legend = document.getElementById('plate-legend')!;
  private plateCells: HTMLElement[] = [];
  private leakCells: HTMLElement[] = [];
  private cduRows: HTMLElement[][] = [];
  private visible = false;
  private readonly scale;

  constructor(private readonly app: App) {
    this.scale = thresholdScale('cold-plate outlet', '°C', app.model.topo.thresholds?.['coldplate.outlet_c'], [30, 60]);
    this.build();
    app.on('live', () => this.visible && this.update());
  }

  show(visible: boolean): void {
    this.visible = visible;
    if (visible) this.update();
  }

  private build(): void {
    const topo = this.app.model.topo;
    const cdus = topo.cdu ?? [];
    const tbody = h('tbody');
    this.cduRows = cdus.map(c => {
      const cells = [0, 1, 2, 3, 4, 5].map(() => h('td', { class: 'num' }, '–'));
      tbody.appendChild(h('tr', { 'data-id': c.id }, h('td', {}, c.id), ...cells));
      return cells;
    });
    fill(this.table, h('thead', {}, h('tr', {}, ...['CDU / loop', 'supply °C', 'return °C', 'ΔT K', 'flow L/min', 'pump ΔP kPa', 'loop kPa']
      .map(t => h('th', {}, t)))), tbody);
    const plates = topo.coldplate ?? [];
    const byLoop = new Map<string, number[]>();
    plates.forEach((p, i) => {
      const loop = p.loop ?? 'no loop';
      byLoop.set(loop, [...(byLoop.get(loop) ?? []), i]);
    });
    this.plateCells = new Array(plates.length);
    const groups = [...byLoop].map(([loop, list]) => h('div', { class: 'plate-group' },
      h('div', { class: 'plate-loop' }, `${loop} · ${list.length} plates`),
      h('div', { class: 'plate-grid' }, ...list.map(i => {
        const cell = h('a', { class: 'plate', 'data-id': plates[i].id, href: `#/device?id=${encodeURIComponent(plates[i].id)}` });
        this.plateCells[i] = cell;
        return cell;
      }))));
    fill(this.plates, ...groups);
    const leaks = topo.leak ?? [];
    this.leakCells = leaks.map(l => h('span', { class: 'leak', 'data-id': l.id }, l.id));
    fill(this.leaks, ...this.leakCells);
    renderLegend(this.legend, this.scale);
  }

  private update(): void {
    const v = (k: string) => this.app.values(k);
    const [supply, ret, flow, dp, loop] = ['cdu.supply_c', 'cdu.return_c', 'cdu.flow_lpm', 'cdu.dp_kpa', 'cdu.loop_kpa'].map(v);
    this.cduRows.forEach((cells, i) => {
      const dt = supply[i] != null && ret[i] != null ? ret[i]! - supply[i]! : null;
      [supply[i], ret[i], dt, flow[i], dp[i], loop[i]].forEach((x, k) => {
        setText(cells[k], fmtValue(x, '', 1));
        cells[k].classList.toggle('stale', x == null);
      });
    });
    const inlet = v('coldplate.inlet_c');
    const outlet = v('coldplate.outlet_c');
    const pflow = v('coldplate.flow_lpm');
    const plates = this.app.model.topo.coldplate ?? [];
    const rows: { i: number; dt: number }[] = [];
    this.plateCells.forEach((cell, i) => {
      const colour = colourOf(this.scale, outlet[i]);
      if (cell.style.background !== colour) cell.style.background = colour;
      const dt = inlet[i] != null && outlet[i] != null ? outlet[i]! - inlet[i]! : null;
      cell.title = `${plates[i].id}\ninlet ${fmtValue(inlet[i], '°C', 1)}, outlet ${fmtValue(outlet[i], '°C', 1)}, ΔT ${fmtValue(dt, 'K', 1)}, flow ${fmtValue(pflow[i], 'L/min', 2)}`;
      if (dt !== null) rows.push({ i, dt });
    });
    rows.sort((a, b) => b.dt - a.dt);
    fill(this.worst, h('thead', {}, h('tr', {}, ...['hottest plates by ΔT', 'inlet °C', 'outlet °C', 'ΔT K', 'flow L/min'].map(t => h('th', {}, t)))),
      h('tbody', {}, ...rows.slice(0, WORST).map(({ i, dt }) => h('tr', {},
        h('td', {}, h('a', { href: `#/device?id=${encodeURIComponent(plates[i].id)}` }, plates[i].id)),
        h('td', { class: 'num' }, fmtValue(inlet[i], '', 1)), h('td', { class: 'num' }, fmtValue(outlet[i], '', 1)),
        h('td', { class: 'num' }, fmtValue(dt, '', 1)), h('td', { class: 'num' }, fmtValue(pflow[i], '', 2))))));
    const state = v('leak.state');
    this.leakCells.forEach((cell, i) => {
      const s = state[i];
      const wet = s != null && s > 0;
      cell.classList.toggle('wet', wet);
      cell.classList.toggle('stale', s == null);
      cell.style.borderColor = s == null ? STALE : '';
      cell.title = s == null ? 'stale / missing' : wet ? 'LEAK detected' : 'dry';
    });
  }
}
