import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeMessage, LiveState, patch } from '../src/live';

const full = (seq: number, values: Record<string, (number | null)[]>) => ({ type: 'full', seq, at: 1000 + seq, frames: seq, alerts: 1, values });

test('a full message replaces all values', () => {
  const s = new LiveState();
  assert.equal(s.apply(full(1, { 'gpu.temp_c': [60, 61, null] })), true);
  assert.deepEqual(s.values['gpu.temp_c'], [60, 61, null]);
  assert.equal(s.at, 1001);
  assert.equal(s.alerts, 1);
});

test('a delta patches index/value pairs, including back to null', () => {
  const s = new LiveState();
  s.apply(full(1, { 'gpu.temp_c': [60, 61, null], 'oe.temp_c': [40] }));
  assert.equal(s.apply({ type: 'delta', seq: 2, at: 1002, values: { 'gpu.temp_c': [0, 62.5, 2, 70, 1, null] } }), true);
  assert.deepEqual(s.values['gpu.temp_c'], [62.5, null, 70]);
  assert.deepEqual(s.values['oe.temp_c'], [40]);
  assert.equal(s.seq, 2);
});

test('a gap in seq ignores deltas until the next full message', () => {
  const s = new LiveState();
  s.apply(full(1, { k: [1, 2] }));
  assert.equal(s.apply({ type: 'delta', seq: 3, values: { k: [0, 9] } }), false);
  assert.equal(s.waitingForFull, true);
  assert.equal(s.apply({ type: 'delta', seq: 4, values: { k: [0, 9] } }), false);
  assert.deepEqual(s.values.k, [1, 2]);
  s.apply(full(5, { k: [5, 6] }));
  assert.equal(s.apply({ type: 'delta', seq: 6, values: { k: [1, 7] } }), true);
  assert.deepEqual(s.values.k, [5, 7]);
});

test('a delta before any full message is ignored', () => {
  const s = new LiveState();
  assert.equal(s.apply({ type: 'delta', seq: 1, values: { k: [0, 1] } }), false);
  assert.deepEqual(s.values, {});
});

test('the older single-document form is read as a full message', () => {
  const s = new LiveState();
  assert.equal(s.apply({ type: 'live', at: 5, frames: 3, 'gpu.temp_c': [1, null], 'cdu.flow_lpm': [400] }), true);
  assert.deepEqual(s.values, { 'gpu.temp_c': [1, null], 'cdu.flow_lpm': [400] });
  assert.equal(s.frames, 3);
  assert.equal(s.alerts, null);
});

test('patch creates missing keys and skips malformed pairs', () => {
  const v: Record<string, (number | null)[]> = {};
  assert.equal(patch(v, { a: [2, 5] }), true);
  assert.equal(v.a[2], 5);
  assert.equal(patch(v, { a: [-1, 5] }), false);
});

test('messages decode from text and from binary', () => {
  const text = '{"type":"full","seq":1,"values":{}}';
  assert.equal(decodeMessage(text)?.seq, 1);
  assert.equal(decodeMessage(new TextEncoder().encode(text).buffer as ArrayBuffer)?.type, 'full');
  assert.equal(decodeMessage('not json'), null);
});
