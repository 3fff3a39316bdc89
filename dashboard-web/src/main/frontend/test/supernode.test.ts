import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getJson, onSupernodeMoved, postJson } from '../src/api';
import { currentSupernode, httpUrl, notHere, scopedPath, withSupernode, type NotHere } from '../src/supernode';

test('the page names a supernode only with a non-empty ?sn=', () => {
  assert.equal(currentSupernode('?sn=sn03'), 'sn03');
  assert.equal(currentSupernode('?x=1&sn=sn%2F03'), 'sn/03');
  assert.equal(currentSupernode(''), null);
  assert.equal(currentSupernode('?sn='), null);
  assert.equal(currentSupernode('?sn=%20'), null);
  assert.equal(currentSupernode('?other=sn01'), null);
});

test('sn is appended with ? or &, encoded, before a fragment', () => {
  assert.equal(withSupernode('/api/alerts', 'sn01'), '/api/alerts?sn=sn01');
  assert.equal(withSupernode('/api/device?id=sn01%2Ft01', 'sn01'), '/api/device?id=sn01%2Ft01&sn=sn01');
  assert.equal(withSupernode('/api/alerts?', 'sn01'), '/api/alerts?sn=sn01');
  assert.equal(withSupernode('/api/lanes?metric=rx_dbm&', 'sn01'), '/api/lanes?metric=rx_dbm&sn=sn01');
  assert.equal(withSupernode('/live', 'a b&c'), '/live?sn=a%20b%26c');
  assert.equal(withSupernode('/x?a=1#frag', 'sn01'), '/x?a=1&sn=sn01#frag');
});

test('without a supernode, or with one already named, the path is unchanged', () => {
  assert.equal(withSupernode('/api/alerts', null), '/api/alerts');
  assert.equal(withSupernode('/api/device?id=x', null), '/api/device?id=x');
  assert.equal(withSupernode('/api/alerts?sn=sn02', 'sn01'), '/api/alerts?sn=sn02');
});

test('instance and session routes never carry sn', () => {
  for (const p of ['/api/login', '/api/logout', '/api/whoami', '/api/fleet', '/api/fleet?x=1']) {
    assert.equal(scopedPath(p, 'sn01'), p);
  }
  assert.equal(scopedPath('/api/topology', 'sn01'), '/api/topology?sn=sn01');
  assert.equal(scopedPath('/api/fleetwide', 'sn01'), '/api/fleetwide?sn=sn01');
});

test('only absolute http and https addresses are links', () => {
  assert.equal(httpUrl('http://127.0.0.1:8080/?sn=sn01'), 'http://127.0.0.1:8080/?sn=sn01');
  assert.equal(httpUrl('https://twin-b.example/'), 'https://twin-b.example/');
  for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/?sn=sn01', 'twin-b:8080', '', null, undefined, 'http//x']) {
    assert.equal(httpUrl(bad), null, String(bad));
  }
});

test('a 404 supernode.not-here names the supernode and its owner', () => {
  const body = { error: 'supernode.not-here', message: 'sn03 is served by twin-b', owner: 'http://h:8081/?sn=sn03' };
  assert.deepEqual(notHere(404, body, 'sn03'), { supernode: 'sn03', message: 'sn03 is served by twin-b', owner: 'http://h:8081/?sn=sn03' });
  // the page asked for its default supernode: the owner's link names it
  assert.equal(notHere(404, body, null)?.supernode, 'sn03');
  assert.deepEqual(notHere(404, { error: 'supernode.not-here', message: 'gone' }, 'sn03'), { supernode: 'sn03', message: 'gone', owner: null });
  assert.equal(notHere(404, { error: 'device.unknown', message: 'x' }, 'sn03'), null);
  assert.equal(notHere(404, null, 'sn03'), null);
  assert.equal(notHere(409, body, 'sn03'), null);
});

type Call = { url: string; init: RequestInit };

function fakeServer(answer: (url: string) => { status: number; body: unknown }): Call[] {
  const calls: Call[] = [];
  Object.assign(globalThis, {
    fetch: async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const a = answer(url);
      return { ok: a.status < 400, status: a.status, statusText: 'x', text: async () => JSON.stringify(a.body) };
    },
  });
  return calls;
}

test('requests carry the page\'s sn, except /api/fleet; without ?sn= nothing changes', async () => {
  const calls = fakeServer(() => ({ status: 200, body: {} }));
  Object.assign(globalThis, { location: { search: '?sn=sn02' } });
  await getJson('/api/topology');
  await getJson('/api/device?id=sn02%2Fgpu0');
  await postJson('/api/silences', { target: 't' });
  await getJson('/api/fleet');
  Object.assign(globalThis, { location: { search: '' } });
  await getJson('/api/topology');
  assert.deepEqual(calls.map(c => c.url),
    ['/api/topology?sn=sn02', '/api/device?id=sn02%2Fgpu0&sn=sn02', '/api/silences?sn=sn02', '/api/fleet', '/api/topology']);
});

test('a moved supernode is reported to the listener, and cleared by the next answer', async () => {
  const seen: (NotHere | null)[] = [];
  onSupernodeMoved(m => seen.push(m));
  Object.assign(globalThis, { location: { search: '?sn=sn03' } });
  let moved = true;
  fakeServer(() => moved
    ? { status: 404, body: { error: 'supernode.not-here', message: 'moved', owner: 'http://h:8081/?sn=sn03' } }
    : { status: 200, body: { firing: [] } });
  const res = await getJson('/api/alerts');
  assert.deepEqual(res, { ok: false, status: 404, message: 'moved' });
  moved = false;
  assert.equal((await getJson('/api/alerts')).ok, true);
  assert.deepEqual(seen, [{ supernode: 'sn03', message: 'moved', owner: 'http://h:8081/?sn=sn03' }, null]);
  onSupernodeMoved(() => {});
  Object.assign(globalThis, { location: { search: '' } });
});
