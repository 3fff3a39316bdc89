import assert from 'node:assert/strict';
import { test } from 'node:test';
import { severityByDevice } from '../src/app';
import { cellAt, layoutOverview } from '../src/layout';
import { causeId, Model, splitLane } from '../src/model';
import type { AlertEvent, Topology } from '../src/types';

const topo: Topology = {
  supernode: 'sn01',
  gpu: [{ id: 'sn01/t01/gpu0', rack: 'r1', tray: 't01' }, { id: 'sn01/t01/gpu1', rack: 'r1', tray: 't01' }],
  oe: [
    { id: 'sn01/t01/gpu0/oe0', host: 'sn01/t01/gpu0', lanes: 8 },
    { id: 'sn01/t01/gpu1/oe0', host: 'sn01/t01/gpu1', lanes: 4 },
    { id: 'sn01/sw1/asic0/oe0', host: 'sn01/sw1/asic0', rack: 'r1', tray: 'sw1', lanes: 8 },
  ],
};

test('lanes flatten in engine order and map back', () => {
  const m = new Model(topo);
  assert.equal(m.laneCount, 20);
  assert.equal(m.laneIndex('sn01/t01/gpu1/oe0#3'), 11);
  assert.equal(m.laneIndex('sn01/t01/gpu1/oe0#4'), -1);
  assert.equal(m.engineOfLane(11), 1);
  assert.equal(m.engineOfLane(12), 2);
  assert.equal(m.laneId(12), 'sn01/sw1/asic0/oe0#0');
});

test('hosts the topology does not list as a section still get a cell', () => {
  const m = new Model(topo);
  assert.deepEqual(m.hosts.map(h => [h.id, h.kind, h.engines]), [
    ['sn01/t01/gpu0', 'gpu', [0]], ['sn01/t01/gpu1', 'gpu', [1]], ['sn01/sw1/asic0', 'switch', [2]]]);
});

test('lane ids split at the last #', () => {
  assert.deepEqual(splitLane('sn01/t01/els0#3'), { device: 'sn01/t01/els0', lane: 3 });
  assert.deepEqual(splitLane('sn01/t01/gpu0'), { device: 'sn01/t01/gpu0', lane: null });
  assert.equal(causeId({ device: 'd', lane: 2 }), 'd#2');
  assert.equal(causeId({ device: 'd', lane: null }), 'd');
});

test('the overview layout gives every host and engine its own cell', () => {
  const m = new Model(topo);
  const l = layoutOverview(m.hosts, m.engines.length, 800);
  assert.equal(l.ref.length, 6);
  for (let c = 0; c < l.ref.length; c++) {
    const x = l.rects[c * 4] + l.rects[c * 4 + 2] / 2;
    const y = l.rects[c * 4 + 1] + l.rects[c * 4 + 3] / 2;
    assert.equal(cellAt(l, x, y), c, `cell ${c} is found at its own centre`);
  }
  assert.ok(l.height > 0);
});

test('a firing alert marks its device, root cause and affected lanes\' engines with its severity', () => {
  const a: AlertEvent = {
    id: 'A1', ts: 1, state: 'firing', kind: 'anomaly', severity: 'alarm', category: 'optical', rule: 'r',
    device: 'sn01/t01/gpu0/oe0', rootCause: { device: 'sn01/t01/els0', lane: 1, reason: 'laser' },
    affected: ['sn01/t01/gpu1/oe0#2'],
  };
  const s = severityByDevice([a, { ...a, id: 'A2', severity: 'warning', device: 'sn01/t01/gpu1' }]);
  assert.equal(s.get('sn01/t01/gpu0/oe0'), 2);
  assert.equal(s.get('sn01/t01/els0'), 2);
  assert.equal(s.get('sn01/t01/gpu1/oe0'), 2);
  assert.equal(s.get('sn01/t01/gpu1'), 1);
});
