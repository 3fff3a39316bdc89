// A legend bar: the scale's gradient with its stops labelled in units, plus the grey for stale.
import { legendOf, STALE, type Scale } from '../colour';
import { fill, h } from '../dom';

export function renderLegend(el: HTMLElement, scale: Scale, extra: string[] = []): void {
  const { gradient, ticks } = legendOf(scale);
  const bar = h('div', { class: 'legend-bar' });
  bar.style.background = gradient;
  const marks = h('div', { class: 'legend-ticks' });
  for (const t of ticks) {
    const m = h('span', {}, t.text);
    m.style.left = `${t.at}%`;
    marks.appendChild(m);
  }
  const stale = h('span', { class: 'legend-swatch' });
  stale.style.background = STALE;
  fill(el, h('span', { class: 'legend-label' }, scale.unit ? `${scale.label} (${scale.unit})` : scale.label),
    h('div', { class: 'legend-scale' }, bar, marks), stale, h('span', { class: 'muted' }, 'stale / missing'),
    ...extra.map(x => h('span', { class: 'muted' }, x)));
}
