import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from '../src/dom';
import { showMoved } from '../src/views/moved';
import { FakeElement, installDom } from './fake-dom';

const EVIL = '<img src=x onerror=alert(1)>';

test('the not-here banner links to the owner, or just says the message', () => {
  installDom([], []);
  const banner = h('div') as unknown as FakeElement;
  const el = banner as unknown as HTMLElement;
  showMoved(el, { supernode: 'sn03', message: 'sn03 moved', owner: 'http://h:8081/?sn=sn03' });
  assert.equal(banner.hidden, false);
  assert.equal(banner.textContent, 'sn03 is now served by http://h:8081/?sn=sn03');
  const link = banner.querySelector('[data-testid="moved-owner"]')!;
  assert.equal(link.tagName, 'A');
  assert.equal(link.getAttribute('href'), 'http://h:8081/?sn=sn03');

  showMoved(el, { supernode: 'sn03', message: 'sn03 is not served here', owner: null });
  assert.equal(banner.textContent, 'sn03 is not served here');
  assert.equal(banner.all().filter(e => e.tagName === 'A').length, 0);

  showMoved(el, { supernode: EVIL, message: 'm', owner: 'javascript:alert(1)' });
  assert.equal(banner.textContent, `${EVIL} is now served by javascript:alert(1)`);
  assert.equal(banner.querySelector('[data-testid="moved-owner"]')!.tagName, 'SPAN');
  assert.equal(banner.all().filter(e => ['A', 'IMG'].includes(e.tagName)).length, 0);

  showMoved(el, null);
  assert.equal(banner.hidden, true);
  assert.equal(banner.textContent, '');
});
