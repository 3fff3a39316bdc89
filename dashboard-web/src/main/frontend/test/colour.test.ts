import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colourOf, HEALTH_SCALE, interpolate, legendOf, STALE, thresholdScale } from '../src/colour';

const temp = thresholdScale('temperature', '°C', { warning: 85, alarm: 90, critical: 95, direction: 'above' }, [40, 95]);
const rx = thresholdScale('rx', 'dBm', { warning: -9, alarm: -11, direction: 'below' }, [-12, 2]);

test('missing and stale values are grey', () => {
  assert.equal(colourOf(temp, null), STALE);
  assert.equal(colourOf(temp, undefined), STALE);
  assert.equal(colourOf(temp, NaN), STALE);
});

test('stops sit on the thresholds: warning is yellow, critical and beyond red', () => {
  assert.equal(colourOf(temp, 85), 'rgb(230,200,60)');
  assert.equal(colourOf(temp, 90), 'rgb(240,130,40)');
  assert.equal(colourOf(temp, 95), 'rgb(215,40,50)');
  assert.equal(colourOf(temp, 120), 'rgb(215,40,50)');
});

test('below-is-worse metrics are mirrored: lower rx power reads hotter', () => {
  assert.equal(colourOf(rx, -9), 'rgb(230,200,60)');
  assert.equal(colourOf(rx, -11), 'rgb(240,130,40)');
  assert.equal(colourOf(rx, -20), 'rgb(215,40,50)');
  assert.equal(colourOf(rx, 5), colourOf(rx, 50));
});

test('a log scale places BER by decade', () => {
  const ber = thresholdScale('BER', '', { warning: 1e-5, alarm: 2.4e-4, direction: 'above' }, [1e-9, 1e-3], true);
  assert.equal(colourOf(ber, 2.4e-4), 'rgb(240,130,40)');
  assert.equal(colourOf(ber, 1e-5), 'rgb(230,200,60)');
});

test('interpolation is linear between stops', () => {
  assert.deepEqual(interpolate([{ v: 0, c: [0, 0, 0] }, { v: 10, c: [100, 200, 50] }], 5), [50, 100, 25]);
});

test('the legend labels stops with units, or names for a categorical scale', () => {
  const l = legendOf(temp);
  assert.ok(l.gradient.startsWith('linear-gradient(to right'));
  assert.ok(l.ticks.some(t => t.text === '85 °C'));
  assert.deepEqual(legendOf(HEALTH_SCALE).ticks.map(t => t.text), ['ok', 'warning', 'alarm', 'critical']);
});
