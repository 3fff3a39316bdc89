import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App } from '../src/app';
import { h } from '../src/dom';
import { alertHighlight } from '../src/highlight';
import { Model } from '../src/model';
import type { AlertEvent } from '../src/types';
import { AlertsView, HighlightPanel } from '../src/views/alerts';
import { FakeElement, installDom } from './fake-dom';

const EVIL = '<img src=x onerror=alert(1)>';

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
  const doc = installDom(['alert-list', 'alerts-status', 'ack-by'], []);
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
