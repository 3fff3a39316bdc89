// The banner a page shows when its supernode moved to another instance (`404 supernode.not-here`):
// "sn03 is now served by <owner>", so an operator follows it instead of staring at a broken page.
import { fill, h } from '../dom';
import { httpUrl, type NotHere } from '../supernode';

/** Shows `moved` in the banner element, or hides the banner for null (the supernode is served here). */
export function showMoved(banner: HTMLElement, moved: NotHere | null): void {
  banner.hidden = moved === null;
  banner.title = moved?.message ?? '';
  if (moved === null) {
    fill(banner);
    return;
  }
  if (moved.owner === null) {
    fill(banner, h('span', { 'data-testid': 'moved-message' }, moved.message));
    return;
  }
  const url = httpUrl(moved.owner);
  const owner = url
    ? h('a', { href: url, 'data-testid': 'moved-owner' }, url)
    : h('span', { 'data-testid': 'moved-owner' }, moved.owner);
  fill(banner, `${moved.supernode ?? 'This supernode'} is now served by `, owner);
}
