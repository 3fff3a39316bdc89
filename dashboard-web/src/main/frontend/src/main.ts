// Entry point: fetch the topology, build the views, follow the hash route and the live stream.
import { getJson, onSupernodeMoved } from './api';
import { App } from './app';
import { signIn } from './auth';
import { byTestId, setText } from './dom';
import { fmtCount, fmtTime } from './format';
import { Model } from './model';
import { parseRoute, VIEWS, type ViewName } from './router';
import { LiveStream } from './stream';
import type { AlertsDoc, Topology } from './types';
import { AlertsView, HighlightPanel } from './views/alerts';
import { CoolingView } from './views/cooling';
import { DeviceView } from './views/device';
import { FleetView } from './views/fleet';
import { showMoved } from './views/moved';
import { OpticsView } from './views/optics';
import { OverviewView } from './views/overview';
import { PredictionsView } from './views/predictions';
import { ReplayBar } from './views/replay';

/** Alerts are polled this often when the stream carries no alert revision (older servers). */
const ALERT_POLL_MS = 5000;

interface View {
  show(visible: boolean, params?: URLSearchParams): void;
}

async function start(): Promise<void> {
  const conn = byTestId('conn');
  const banner = byTestId('moved-banner');
  onSupernodeMoved(moved => showMoved(banner, moved));
  await signIn();
  let topo = await getJson<Topology>('/api/topology');
  while (!topo.ok) {
    setText(conn, `waiting for the server: ${topo.message}`);
    await new Promise(r => setTimeout(r, 2000));
    topo = await getJson<Topology>('/api/topology');
  }
  const app = new App(new Model(topo.data));
  const shown = topo.data.supernode;
  setText(byTestId('supernode'), shown);
  // Several supernodes may be open side by side: the tab says which one this is.
  document.title = `${shown} · supernode-twin`;
  const c = topo.data.counts;
  setText(document.getElementById('counts')!, c ? `${fmtCount(c.devices)} devices · ${fmtCount(c.lanes)} lanes · ${fmtCount(c.links)} links` : '');

  const views: Record<ViewName, View> = {
    overview: new OverviewView(app),
    optics: new OpticsView(app),
    cooling: new CoolingView(app),
    alerts: new AlertsView(app),
    predictions: new PredictionsView(app),
    device: new DeviceView(app),
    fleet: new FleetView(() => shown),
  };
  new HighlightPanel(app);
  new ReplayBar(app);

  let current: ViewName | null = null;
  const route = () => {
    const { view, params } = parseRoute(location.hash);
    for (const name of VIEWS) {
      const el = byTestId(`view-${name}`);
      const active = name === view;
      el.dataset.active = String(active);
      el.hidden = !active;
      document.querySelector(`[data-testid="nav-${name}"]`)?.classList.toggle('active', active);
    }
    if (current && current !== view) views[current].show(false);
    current = view;
    views[view].show(true, params);
  };
  window.addEventListener('hashchange', route);
  route();

  let alertRevision: number | null = null;
  let alertsLoading = false;
  const loadAlerts = async () => {
    if (alertsLoading) return;
    alertsLoading = true;
    const res = await getJson<AlertsDoc>('/api/alerts');
    alertsLoading = false;
    app.alertsAvailable = res.ok;
    if (res.ok) app.setAlerts(res.data);
    else app.emit('alerts');
    setText(byTestId('firing-count'), String(app.alerts.firing.length));
    byTestId('firing-count').classList.toggle('zero', app.alerts.firing.length === 0);
  };
  void loadAlerts();
  app.on('alerts-stale', () => void loadAlerts());
  setInterval(() => {
    if (app.live.alerts === null) void loadAlerts();
  }, ALERT_POLL_MS);

  const eventTime = byTestId('event-time');
  const frames = byTestId('frames');
  new LiveStream(m => {
    const changed = app.live.apply(m);
    setText(eventTime, fmtTime(app.live.at));
    setText(frames, fmtCount(app.live.frames));
    if (changed) app.emit('live');
    if (app.live.alerts !== null && app.live.alerts !== alertRevision) {
      alertRevision = app.live.alerts;
      void loadAlerts();
    }
  }, s => {
    setText(conn, s.kind === 'live' ? 'live' : s.kind === 'connecting' ? 'connecting…' : `reconnecting in ${Math.ceil(s.inMs / 1000)} s`);
    conn.className = `conn ${s.kind}`;
    // Without the stream every value on screen is frozen: grey it all until it is back.
    document.body.classList.toggle('disconnected', s.kind !== 'live');
  }).start();
}

void start();
