// Where every overview cell goes, computed once per topology and canvas width (never per frame):
// racks side by side (wrapping), trays stacked inside a rack, one tile per GPU or switch with its
// engines as a strip of small cells under it.

export interface LayoutHost {
  rack: string;
  tray: string;
  engines: number[];
}

export interface Layout {
  /** Cell rectangles, 4 numbers each (x, y, w, h), hosts first, then engines. */
  rects: Float32Array;
  /** For cell i: host index (i < hostCells) or engine index. */
  ref: Int32Array;
  hostCells: number;
  /** Cell of each host, and of each engine (-1 when not drawn). */
  hostCell: Int32Array;
  engineCell: Int32Array;
  labels: { text: string; x: number; y: number }[];
  width: number;
  height: number;
}

const RACK_GAP = 14;
const LABEL_H = 14;
const TRAY_GAP = 3;
const MAX_RACK_H = 760;

export function layoutOverview(hosts: LayoutHost[], engineCount: number, width: number): Layout {
  const racks = new Map<string, Map<string, number[]>>();
  hosts.forEach((h, i) => {
    let trays = racks.get(h.rack);
    if (!trays) racks.set(h.rack, (trays = new Map()));
    let list = trays.get(h.tray);
    if (!list) trays.set(h.tray, (list = []));
    list.push(i);
  });
  let perTray = 1;
  let maxTrays = 1;
  for (const trays of racks.values()) {
    maxTrays = Math.max(maxTrays, trays.size);
    for (const list of trays.values()) perTray = Math.max(perTray, list.length);
  }
  const rackCount = Math.max(1, racks.size);
  const minRackW = perTray * 22 + RACK_GAP;
  const cols = Math.max(1, Math.min(rackCount, Math.floor((width + RACK_GAP) / minRackW)));
  const rackW = Math.floor((width - (cols - 1) * RACK_GAP) / cols);
  // Few racks on a wide screen: put a rack's trays side by side too, rather than one tall column.
  const trayCols = Math.max(1, Math.min(Math.ceil(maxTrays / 3), Math.floor(rackW / (perTray * 60))));
  const trayW = Math.floor((rackW - (trayCols - 1) * RACK_GAP) / trayCols);
  const tileW = Math.max(6, Math.min(90, Math.floor(trayW / perTray)));
  const trayRows = Math.ceil(maxTrays / trayCols);
  // Tall racks (oio-1024 has 40 trays) shrink rows so that a rack stays within about one screen.
  const rowBudget = Math.max(9, Math.floor(MAX_RACK_H / trayRows));
  const hostH = Math.min(clamp(Math.round(tileW * 0.4), 8, 26), Math.max(4, Math.round((rowBudget - TRAY_GAP - 1) * 0.6)));
  const engH = Math.min(clamp(Math.round(hostH * 0.5), 4, 12), Math.max(2, rowBudget - TRAY_GAP - 1 - hostH));
  const rowH = hostH + 1 + engH + TRAY_GAP;
  const blockH = LABEL_H + trayRows * rowH + RACK_GAP;

  const rects = new Float32Array((hosts.length + engineCount) * 4);
  const ref = new Int32Array(hosts.length + engineCount);
  const hostCell = new Int32Array(hosts.length).fill(-1);
  const engineCell = new Int32Array(engineCount).fill(-1);
  const labels: Layout['labels'] = [];
  let cell = 0;
  const engineRects: [number, number, number, number, number][] = [];
  let r = 0;
  for (const [rack, trays] of racks) {
    const x0 = (r % cols) * (rackW + RACK_GAP);
    const y0 = Math.floor(r / cols) * blockH;
    labels.push({ text: rack || 'no rack', x: x0, y: y0 + 10 });
    let t = 0;
    for (const list of trays.values()) {
      const y = y0 + LABEL_H + Math.floor(t / trayCols) * rowH;
      const tx = x0 + (t % trayCols) * (trayW + RACK_GAP);
      list.forEach((hi, k) => {
        const x = tx + k * tileW;
        const w = tileW - 2;
        rects.set([x, y, w, hostH], cell * 4);
        ref[cell] = hi;
        hostCell[hi] = cell++;
        const engines = hosts[hi].engines;
        const ew = w / Math.max(1, engines.length);
        engines.forEach((e, j) => engineRects.push([e, x + j * ew, y + hostH + 1, ew > 3 ? ew - 1 : ew, engH]));
      });
      t++;
    }
    r++;
  }
  const hostCells = cell;
  for (const [e, x, y, w, hgt] of engineRects) {
    rects.set([x, y, w, hgt], cell * 4);
    ref[cell] = e;
    engineCell[e] = cell++;
  }
  const rows = Math.ceil(rackCount / cols);
  return {
    rects: rects.subarray(0, cell * 4), ref: ref.subarray(0, cell), hostCells, hostCell, engineCell, labels,
    width, height: rows * blockH,
  };
}

/** The cell under (x, y), or -1. A linear scan: a few thousand rectangles take microseconds. */
export function cellAt(layout: Layout, x: number, y: number): number {
  const r = layout.rects;
  for (let i = 0, n = r.length / 4; i < n; i++) {
    const o = i * 4;
    if (x >= r[o] && x < r[o] + r[o + 2] && y >= r[o + 1] && y < r[o + 1] + r[o + 3]) return i;
  }
  return -1;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
