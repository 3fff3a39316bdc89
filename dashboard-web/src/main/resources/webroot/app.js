'use strict';
// The live page: loads the supernode's structure once, then paints every update pushed on /live.
// Text from data is only ever set through textContent, never parsed as HTML.

const SCALES = {
  'gpu.temp_c': [30, 95], 'gpu.hbm_temp_c': [30, 100], 'gpu.power_w': [0, 1100], 'gpu.sm_clock_mhz': [0, 2000],
  'oe.rx_dbm_min': [-12, 2, true], 'oe.pre_fec_ber_max': [-9, -3, false, true], 'oe.temp_c': [30, 85],
  'oe.mrm_heater_mw_mean': [0, 30, true], 'laser.out_dbm': [0, 18, true], 'laser.bias_ma': [50, 130],
  'coldplate.outlet_c': [25, 60],
};

let topo = null;
let latest = null;
let previous = null;

function colour(value, key) {
  if (value === null || value === undefined) return '#3a424c';
  const [lo, hi, invert, log] = SCALES[key] || [0, 1];
  let v = log ? Math.log10(Math.max(value, 1e-12)) : value;
  let t = Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
  if (invert) t = 1 - t;
  // cool green -> amber -> red, so "worse" always reads hotter
  const hue = 130 - 130 * t;
  return `hsl(${hue}, 70%, ${38 + 12 * t}%)`;
}

class Heatmap {
  constructor(canvas, legend, cell) {
    this.canvas = canvas; this.legend = legend; this.cell = cell; this.items = []; this.values = []; this.key = '';
    canvas.addEventListener('mousemove', e => this.hover(e));
    canvas.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  }
  setItems(items) {
    this.items = items;
    const width = this.canvas.clientWidth || 600;
    this.cols = Math.max(1, Math.floor(width / this.cell));
    const rows = Math.ceil(items.length / this.cols);
    this.canvas.width = this.cols * this.cell;
    this.canvas.height = Math.max(1, rows) * this.cell;
    this.canvas.style.height = this.canvas.height + 'px';
  }
  paint(values, key) {
    this.values = values || []; this.key = key;
    const ctx = this.canvas.getContext('2d');
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const gap = this.cell > 6 ? 1 : 0;
    for (let i = 0; i < this.items.length; i++) {
      ctx.fillStyle = colour(this.values[i], key);
      ctx.fillRect((i % this.cols) * this.cell, Math.floor(i / this.cols) * this.cell, this.cell - gap, this.cell - gap);
    }
    const [lo, hi, , log] = SCALES[key] || [0, 1];
    this.legend.textContent = '';
    for (const text of [log ? `1e${lo}` : lo, key, log ? `1e${hi}` : hi]) {
      const span = document.createElement('span'); span.textContent = text; this.legend.appendChild(span);
    }
  }
  hover(e) {
    const rect = this.canvas.getBoundingClientRect();
    const x = (e.clientX - rect.left) * this.canvas.width / rect.width;
    const y = (e.clientY - rect.top) * this.canvas.height / rect.height;
    const i = Math.floor(y / this.cell) * this.cols + Math.floor(x / this.cell);
    if (i < 0 || i >= this.items.length) { tooltip.hidden = true; return; }
    const v = this.values[i];
    tooltip.textContent = `${this.items[i].id}\n${this.key}: ${v === null || v === undefined ? 'stale' : format(v)}`;
    tooltip.style.left = (e.clientX + 12) + 'px'; tooltip.style.top = (e.clientY + 12) + 'px';
    tooltip.hidden = false;
  }
}

function format(v) {
  if (v === null || v === undefined) return '–';
  if (Math.abs(v) > 0 && Math.abs(v) < 0.01) return v.toExponential(2);
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

const tooltip = document.getElementById('tooltip');
const maps = {
  gpu: new Heatmap(document.getElementById('gpu-map'), document.getElementById('gpu-legend'), 14),
  oe: new Heatmap(document.getElementById('oe-map'), document.getElementById('oe-legend'), 8),
  laser: new Heatmap(document.getElementById('laser-map'), document.getElementById('laser-legend'), 8),
  plate: new Heatmap(document.getElementById('plate-map'), document.getElementById('plate-legend'), 10),
};

function paint() {
  if (!topo || !latest) return;
  document.getElementById('event-time').textContent = new Date(latest.at).toISOString().replace('T', ' ').slice(0, 19);
  document.getElementById('frames').textContent = latest.frames.toLocaleString();
  if (previous && latest.at > previous.at) {
    const rate = (latest.samples - previous.samples) * 1000 / (latest.at - previous.at);
    document.getElementById('rate').textContent = Math.round(rate).toLocaleString();
  }
  const gpuKey = document.getElementById('gpu-metric').value;
  const oeKey = document.getElementById('oe-metric').value;
  const laserKey = document.getElementById('laser-metric').value;
  maps.gpu.paint(latest[gpuKey], gpuKey);
  maps.oe.paint(latest[oeKey], oeKey);
  maps.laser.paint(latest[laserKey], laserKey);
  maps.plate.paint(latest['coldplate.outlet_c'], 'coldplate.outlet_c');
  paintCooling();
}

function paintCooling() {
  const body = document.querySelector('#cdu-table tbody');
  body.textContent = '';
  topo.cdu.forEach((cdu, i) => {
    const supply = latest['cdu.supply_c'][i], ret = latest['cdu.return_c'][i];
    const cells = [cdu.id, supply, ret, supply === null || ret === null ? null : ret - supply,
      latest['cdu.flow_lpm'][i], latest['cdu.dp_kpa'][i], latest['cdu.loop_kpa'][i]];
    const tr = document.createElement('tr');
    cells.forEach((c, j) => { const td = document.createElement('td'); td.textContent = j === 0 ? c : format(c); tr.appendChild(td); });
    body.appendChild(tr);
  });
  const leaks = document.getElementById('leaks');
  leaks.textContent = '';
  topo.leak.forEach((leak, i) => {
    const s = latest['leak.state'][i];
    const div = document.createElement('div');
    div.className = 'leak ' + (s === null ? 'stale' : ['', 'warn', 'crit', 'fault'][s] || '');
    div.title = `${leak.id}: ${s === null ? 'stale' : ['ok', 'warning', 'critical', 'sensor fault'][s]}`;
    leaks.appendChild(div);
  });
}

function connect() {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`);
  ws.binaryType = 'arraybuffer';
  const conn = document.getElementById('conn');
  ws.onopen = () => { conn.textContent = 'live'; conn.className = 'conn up'; };
  ws.onclose = () => { conn.textContent = 'reconnecting…'; conn.className = 'conn down'; setTimeout(connect, 1000); };
  ws.onmessage = msg => {
    const text = typeof msg.data === 'string' ? msg.data : new TextDecoder().decode(msg.data);
    previous = latest; latest = JSON.parse(text);
    requestAnimationFrame(paint);
  };
}

async function init() {
  const res = await fetch('/api/topology');
  topo = await res.json();
  document.getElementById('supernode').textContent =
    `${topo.supernode} · ${topo.gpu.length} GPUs · ${topo.oe.length} engines · ${topo.counts.links.toLocaleString()} links`;
  maps.gpu.setItems(topo.gpu); maps.oe.setItems(topo.oe); maps.laser.setItems(topo.laser); maps.plate.setItems(topo.coldplate);
  for (const id of ['gpu-metric', 'oe-metric', 'laser-metric']) document.getElementById(id).addEventListener('change', paint);
  // Paint the latest state at once, so the page is never empty while the live socket opens.
  const first = await fetch('/api/live');
  if (first.ok) { latest = await first.json(); paint(); }
  connect();
}

init();
