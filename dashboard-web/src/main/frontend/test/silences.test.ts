import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverText, historyText, silenceStatus, silenceTiming, sortSilences } from '../src/silences';
import type { HistoryEntry, Silence } from '../src/types';

const NOW = 1_000_000_000;

function silence(id: string, startsAt: number, endsAt: number, devices = 0, lanes = 0): Silence {
  return { id, target: `t/${id}`, covers: { devices, lanes }, startsAt, endsAt, createdBy: 'ann', comment: '', active: false };
}

test('a silence is pending, active or expired by the clock', () => {
  assert.equal(silenceStatus(silence('a', NOW + 1, NOW + 10), NOW), 'pending');
  assert.equal(silenceStatus(silence('a', NOW, NOW + 10), NOW), 'active');
  assert.equal(silenceStatus(silence('a', NOW - 10, NOW), NOW), 'expired');
});

test('active silences come first, ending soonest; expired last, newest first', () => {
  const list = [
    silence('old', NOW - 100, NOW - 50), silence('long', NOW - 1, NOW + 500), silence('recent', NOW - 100, NOW - 5),
    silence('short', NOW - 1, NOW + 5), silence('later', NOW + 5, NOW + 50)];
  assert.deepEqual(sortSilences(list, NOW).map(s => s.id), ['short', 'long', 'later', 'recent', 'old']);
});

test('coverage and timing read in words', () => {
  assert.equal(coverText(silence('a', 0, 1, 1, 17)), 'covers 1 device, 17 lanes');
  assert.equal(coverText(silence('a', 0, 1, 3, 0)), 'covers 3 devices');
  assert.equal(coverText(silence('a', 0, 1)), 'covers nothing');
  assert.equal(silenceTiming(silence('a', NOW - 1, NOW + 2 * 3_600_000), NOW), 'ends in 2 h');
  assert.equal(silenceTiming(silence('a', NOW - 10 * 60_000, NOW - 5 * 60_000), NOW), 'ended 5 min ago');
});

test('history entries read as what happened', () => {
  const base: HistoryEntry = {
    ts: NOW, state: 'firing', id: 'a-1', supernode: 'sn01', kind: 'anomaly', severity: 'alarm', category: 'optical',
    rule: 'optical.rx_power.low', rootCause: 'sn01/els0#1', device: 'sn01/oe0', summary: 'rx low', reason: 'dark',
    affectedCount: 4, eta: null, by: '', comment: '',
  };
  assert.equal(historyText(base), 'alarm firing: rx low (root cause sn01/els0#1)');
  assert.equal(historyText({ ...base, state: 'acknowledged', by: 'bob' }), 'alert a-1 acknowledged by bob');
  assert.equal(historyText({ ...base, state: 'silenced', rootCause: 'rack:r1', by: 'cat', comment: 'swap' }),
    'rack:r1 silenced by cat — swap');
  assert.equal(historyText({ ...base, state: 'unsilenced', rootCause: 'rack:r1', by: '' }), 'silence on rack:r1 ended');
});
