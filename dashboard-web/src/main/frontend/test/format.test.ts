import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fmtCount, fmtDuration, fmtNumber, fmtRelative, fmtTime, fmtValue } from '../src/format';

test('durations read in words', () => {
  assert.equal(fmtDuration(45_000), '45 s');
  assert.equal(fmtDuration(5 * 60_000), '5 min');
  assert.equal(fmtDuration((3 * 60 + 10) * 60_000), '3 h 10 min');
  assert.equal(fmtDuration(2 * 3_600_000), '2 h');
  assert.equal(fmtDuration(52 * 3_600_000), '2 d 4 h');
});

test('relative times say in or ago', () => {
  const now = 1_000_000_000;
  assert.equal(fmtRelative(now + (3 * 60 + 10) * 60_000, now), 'in 3 h 10 min');
  assert.equal(fmtRelative(now - 5 * 60_000, now), '5 min ago');
  assert.equal(fmtRelative(now + 200, now), 'now');
});

test('values carry units, missing values are a dash', () => {
  assert.equal(fmtValue(61.23, '°C'), '61.2 °C');
  assert.equal(fmtValue(null, '°C'), '–');
  assert.equal(fmtValue(-4.1, 'dBm'), '-4.10 dBm');
  assert.equal(fmtValue(2.4e-4), '2.40e-4');
  assert.equal(fmtNumber(700), '700');
});

test('times are UTC, counts are grouped', () => {
  assert.equal(fmtTime(Date.UTC(2026, 0, 2, 3, 4, 5, 678)), '2026-01-02 03:04:05Z');
  assert.equal(fmtTime(null), '–');
  assert.equal(fmtCount(33280), '33\u202f280');
});
