import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App } from '../src/app';
import { h } from '../src/dom';
import { alertHighlight } from '../src/highlight';
import { Model } from '../src/model';
import type { AlertEvent } from '../src/types';
import { AlertsView, HighlightPanel } from '../src/views/alerts';
import { SilencesPanel } from '../src/views/silences';
import { FakeElement, installDom } from './fake-dom';

const EVIL = '<img src=x onerror=alert(1)>';
const ALERTS_IDS = ['alert-list', 'alerts-status', 'ack-by', 'alerts-pane-list', 'alerts-pane-silences',
  'alerts-pane-history', 'silence-list', 'silences-status', 'history-list', 'history-status', 'history-device'];
const ALERTS_TEST_IDS = ['alerts-tab-list', 'alerts-tab-silences', 'alerts-tab-history'];

function app(): App {
  return new App(new Model({ supernode: 'sn01', gpu: [{ id: EVIL, rack: 'r1', tray: 't1' }], oe: [] }));
}

test('h() puts data in as text, never as markup', () => {
  installDom([], []);
  const el = h('span', { 'data-id': EVIL }, EVIL) as unknown as FakeElement;
  assert.equal(el.textContent, EVIL);
  assert.equal(el.getAttribute('data-id'), EVIL);
  assert.equal(el.all().length, 0, 'no element was created from the text');
});

test('a device id like <img onerror> shows as text in the highlight list', () => {
  const doc = installDom(['highlight-label', 'highlight-panel'], ['highlight-list', 'clear-highlight']);
  const a = app();
  new HighlightPanel(a);
  a.highlight.set(alertHighlight('alert x', EVIL, [`${EVIL}#1`]));
  const items = doc.querySelector('[data-testid="highlight-list"]')!.all().filter(e => e.tagName === 'LI');
  assert.deepEqual(items.map(li => li.getAttribute('data-id')), [EVIL, `${EVIL}#1`]);
  assert.deepEqual(items.map(li => li.textContent), [EVIL, `${EVIL}#1`]);
  assert.equal(doc.body.all().filter(e => e.tagName === 'IMG').length, 0);
});

test('alert rows show ids, reasons and summaries from data as text', () => {
  const doc = installDom(ALERTS_IDS, ALERTS_TEST_IDS);
  const a = app();
  new AlertsView(a).show(true);
  const alert: AlertEvent = {
    id: EVIL, ts: 1, state: 'firing', kind: 'prediction', severity: 'critical', category: 'thermal', rule: 'r',
    device: EVIL, rootCause: { device: EVIL, lane: null, reason: '<b>hot</b>' }, affected: [EVIL], eta: 10_000_000,
    summary: '<script>x()</script>',
  };
  a.setAlerts({ firing: [alert], recent: [] });
  const row = doc.querySelector('[data-testid="alert-row"]')!;
  assert.equal(row.getAttribute('data-alert-id'), EVIL);
  assert.equal(row.querySelector('[data-testid="alert-root-cause"]')!.textContent, EVIL);
  assert.ok(row.textContent.includes('<script>x()</script>'));
  assert.ok(row.textContent.includes('<b>hot</b>'));
  assert.equal(doc.body.all().filter(e => ['IMG', 'SCRIPT', 'B'].includes(e.tagName)).length, 0);
});

test('a silenced alert is marked with its silence, and the target shows as text', () => {
  const doc = installDom(ALERTS_IDS, ALERTS_TEST_IDS);
  const a = app();
  new AlertsView(a).show(true);
  const alert: AlertEvent = {
    id: 'a-1', ts: 1, state: 'firing', kind: 'anomaly', severity: 'alarm', category: 'optical', rule: 'r',
    device: 'd', rootCause: { device: 'd', lane: 2, reason: 'x' }, affected: [], summary: 's',
    silenced: { id: 's-1', target: EVIL },
  };
  a.setAlerts({ firing: [alert, { ...alert, id: 'a-2', silenced: null }], recent: [] });
  const marks = doc.body.all().filter(e => e.getAttribute('data-testid') === 'alert-silenced');
  assert.equal(marks.length, 1);
  assert.equal(marks[0].getAttribute('data-silence-id'), 's-1');
  assert.equal(marks[0].textContent, `silenced (${EVIL})`);
  // only the alert not yet silenced offers the silence action
  assert.equal(doc.body.all().filter(e => e.getAttribute('data-testid') === 'alert-silence').length, 1);
  assert.equal(doc.body.all().filter(e => e.tagName === 'IMG').length, 0);
});

test('silence rows show target, comment and creator from data as text', async () => {
  const doc = installDom(ALERTS_IDS, ALERTS_TEST_IDS);
  const body = JSON.stringify({ now: 10, silences: [{ id: EVIL, target: EVIL, covers: { devices: 1, lanes: 2, sample: [EVIL] },
    startsAt: 0, endsAt: 100, createdBy: EVIL, comment: '<b>why</b>', active: true }] });
  Object.assign(globalThis, { fetch: async () => ({ ok: true, status: 200, statusText: 'OK', text: async () => body }) });
  await new SilencesPanel().refresh();
  const rows = doc.body.all().filter(e => e.getAttribute('data-testid') === 'silence-row');
  assert.equal(rows.length, 1);
  assert.equal(rows[0].getAttribute('data-status'), 'active');
  assert.ok(rows[0].textContent.includes('<b>why</b>'));
  assert.ok(rows[0].textContent.includes(`by ${EVIL}`));
  assert.equal(doc.body.all().filter(e => ['IMG', 'B'].includes(e.tagName)).length, 0);
});
