import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FleetDoc, FleetEntry } from '../src/types';
import { FleetView, fleetTable, healthBadge } from '../src/views/fleet';
import { FakeElement, installDom } from './fake-dom';

const EVIL = '<img src=x onerror=alert(1)>';

function entry(supernode: string, over: Partial<FleetEntry> = {}): FleetEntry {
  return {
    supernode, local: true, stale: false, at: 1763924400123, eventTime: 1763924399000,
    owner: { instance: 'twin-a', url: 'http://127.0.0.1:8080/' }, link: `http://127.0.0.1:8080/?sn=${supernode}`,
    health: 'ok', gpus: 72, devices: 410, staleSensors: 0, firing: { warning: 0, alarm: 0, critical: 0 }, alerts: [], worst: [],
    ...over,
  };
}

function doc(...supernodes: FleetEntry[]): FleetDoc {
  return { instance: 'twin-a', url: 'http://127.0.0.1:8080/', supernodes };
}

function rows(root: FakeElement): FakeElement[] {
  return root.querySelectorAll('[data-testid="fleet-row"]');
}

function inRow(row: FakeElement, testId: string): FakeElement[] {
  return row.querySelectorAll(`[data-testid="${testId}"]`);
}

test('health reads as a word; only ok..critical are coloured', () => {
  assert.deepEqual([healthBadge({ health: 'alarm', stale: false })].map(b => [b.text, b.colour !== null]), [['alarm', true]]);
  assert.equal(healthBadge({ health: 'ok', stale: false }).colour !== null, true);
  assert.deepEqual(healthBadge({ health: 'rebuilding', stale: false }).colour, null);
  assert.deepEqual(healthBadge({ health: 'unknown', stale: false }).text, 'unknown');
  assert.deepEqual(healthBadge({ health: 'unknown', stale: false }).colour, null);
  const stale = healthBadge({ health: 'critical', stale: true });
  assert.equal(stale.text, 'stale (last critical)');
  assert.equal(stale.colour, null);
  assert.equal(healthBadge({ health: 'degraded', stale: false }).colour, null, 'a word this page does not know is grey');
});

test('one row per supernode with health, firing counts, owner and the shown one marked', () => {
  installDom([], []);
  const table = fleetTable(doc(
    entry('sn01', { health: 'alarm', firing: { warning: 2, alarm: 1, critical: 0 } }),
    entry('sn02', { local: false, stale: true, health: 'warning', owner: { instance: 'twin-b', url: null }, link: null }),
    entry('sn03', { health: 'rebuilding', owner: { instance: 'twin-c', url: 'http://h:8082/' } })), 'sn01') as unknown as FakeElement;
  const rs = rows(table);
  assert.deepEqual(rs.map(r => r.getAttribute('data-supernode')), ['sn01', 'sn02', 'sn03']);
  assert.deepEqual(rs.map(r => inRow(r, 'fleet-health')[0].textContent), ['alarm', 'stale (last warning)', 'rebuilding']);
  assert.deepEqual(rs.map(r => inRow(r, 'fleet-health')[0].className), ['health', 'health greyed', 'health greyed']);
  assert.deepEqual(rs.map(r => inRow(r, 'fleet-firing')[0].textContent), ['1 alarm2 warning', 'none', 'none']);
  assert.deepEqual(rs.map(r => r.getAttribute('data-current')), ['true', 'false', 'false']);
  assert.deepEqual(rs.map(r => inRow(r, 'fleet-current').length), [1, 0, 0]);
  assert.ok(rs[0].classList.contains('current'));
  assert.ok(rs[1].textContent.includes('twin-b'));
  assert.ok(rs[0].textContent.includes('(this instance)'));
  assert.ok(!rs[1].textContent.includes('(this instance)'));
  assert.ok(rs[1].textContent.includes('no address'));
});

test('worst components are drill-down links only for the supernode this page shows', () => {
  installDom([], []);
  const worst = [{ device: 'x/sw1/els3#0', reason: 'laser emits no light' }];
  const table = fleetTable(doc(entry('sn01', { worst }), entry('sn02', { worst })), 'sn01') as unknown as FakeElement;
  const [mine, other] = rows(table);
  const links = (r: FakeElement) => r.all().filter(e => e.tagName === 'A' && e.getAttribute('href')?.startsWith('#'));
  assert.deepEqual(links(mine).map(a => a.getAttribute('href')), ['#/device?id=x%2Fsw1%2Fels3%230']);
  assert.equal(links(other).length, 0);
  assert.ok(other.textContent.includes('x/sw1/els3#0 — laser emits no light'));
});

test('"open" is a link only for an http(s) address; anything else is text', () => {
  installDom([], []);
  const table = fleetTable(doc(
    entry('sn01', { link: 'https://twin-a.example/?sn=sn01' }),
    entry('sn02', { link: 'javascript:alert(1)' }),
    entry('sn03', { link: '/?sn=sn03' })), null) as unknown as FakeElement;
  const open = rows(table).map(r => inRow(r, 'fleet-open')[0]);
  assert.deepEqual(open.map(e => e.tagName), ['A', 'SPAN', 'SPAN']);
  assert.equal(open[0].getAttribute('href'), 'https://twin-a.example/?sn=sn01');
  assert.deepEqual(open.slice(1).map(e => [e.textContent, e.getAttribute('href')]), [['javascript:alert(1)', null], ['/?sn=sn03', null]]);
  assert.equal(table.all().filter(e => e.getAttribute('href') === 'javascript:alert(1)').length, 0);
});

test('markup in a supernode id, device, reason or owner renders as text', () => {
  installDom([], []);
  const table = fleetTable(doc(entry(EVIL, {
    owner: { instance: '<script>x()</script>', url: null },
    worst: [{ device: EVIL, reason: '<script>x()</script>' }],
  })), EVIL) as unknown as FakeElement;
  const [row] = rows(table);
  assert.equal(row.getAttribute('data-supernode'), EVIL);
  assert.ok(row.textContent.includes(EVIL));
  assert.ok(row.textContent.includes('<script>x()</script>'));
  assert.equal(table.all().filter(e => ['IMG', 'SCRIPT'].includes(e.tagName)).length, 0);
});

test('a failed refresh keeps the last good table and says so', async () => {
  const dom = installDom(['fleet-box'], ['fleet-status']);
  let answer: { status: number; body: unknown } = { status: 200, body: doc(entry('sn01'), entry('sn02')) };
  const urls: string[] = [];
  Object.assign(globalThis, {
    location: { search: '?sn=sn01' },
    fetch: async (url: string) => {
      urls.push(url);
      return { ok: answer.status < 400, status: answer.status, statusText: 'x', text: async () => JSON.stringify(answer.body) };
    },
  });
  const view = new FleetView(() => 'sn01');
  const status = dom.querySelector('[data-testid="fleet-status"]')!;
  await view.refresh();
  assert.equal(rows(dom.body).length, 2);
  assert.ok(status.textContent.startsWith('2 supernodes · answered by twin-a'));
  answer = { status: 503, body: { error: 'http.error', message: 'fleet store down' } };
  await view.refresh();
  assert.equal(rows(dom.body).length, 2, 'the last good table stays');
  assert.match(status.textContent, /^last refresh failed at .* \(fleet store down\); showing the table from /);
  assert.ok(status.classList.contains('failed'));
  assert.deepEqual(urls, ['/api/fleet', '/api/fleet'], 'the fleet is asked of the instance, without sn');
  Object.assign(globalThis, { location: { search: '' } });
});
