// The Alerts view's Silences and History tabs, and the silence form an alert row opens. Every string
// from the server goes in as text (h/setText), never as markup.
import { deleteJson, getJson, postJson, q } from '../api';
import { fill, h, setText } from '../dom';
import { fmtTime } from '../format';
import { coverText, historyText, SILENCE_DURATIONS, silenceStatus, silenceTiming, sortSilences } from '../silences';
import type { HistoryEntry, Silence, SilencesDoc } from '../types';
import { deviceLink } from './optics';

/** The list of silences, active and recently expired, with an expire button on each active one. */
export class SilencesPanel {
  private readonly list = document.getElementById('silence-list')!;
  private readonly status = document.getElementById('silences-status')!;

  /** @param changed called after a silence was expired here */
  constructor(private readonly changed: () => void = () => {}) {}

  async refresh(): Promise<void> {
    const res = await getJson<SilencesDoc>('/api/silences');
    if (!res.ok) {
      setText(this.status, `silences not available: ${res.message}`);
      fill(this.list);
      return;
    }
    const now = res.data.now;
    const sorted = sortSilences(res.data.silences, now);
    const active = sorted.filter(s => silenceStatus(s, now) === 'active').length;
    setText(this.status, `${active} active, ${sorted.length - active} pending or expired`);
    fill(this.list, ...sorted.map(s => this.row(s, now)));
  }

  private row(s: Silence, now: number): HTMLElement {
    const status = silenceStatus(s, now);
    const expire = status === 'expired' ? null : h('button', { type: 'button', 'data-testid': 'silence-expire' }, 'expire');
    if (expire) {
      expire.addEventListener('click', async () => {
        (expire as HTMLButtonElement).disabled = true;
        const res = await deleteJson<Silence>(q('/api/silences', { id: s.id }));
        if (res.ok) {
          this.changed();
          void this.refresh();
        }
        else {
          (expire as HTMLButtonElement).disabled = false;
          expire.title = res.message;
          setText(expire, 'expire failed');
        }
      });
    }
    const sample = s.covers.sample ?? [];
    return h('div', { 'data-testid': 'silence-row', 'data-silence-id': s.id, 'data-status': status, class: `silence-row status-${status}` },
      h('div', { class: 'alert-head' },
        h('span', { class: `silence-status ${status}` }, status),
        h('span', { 'data-testid': 'silence-target' }, deviceLink(s.target)),
        h('span', { class: 'muted' }, silenceTiming(s, now)),
        h('span', { class: 'muted' }, `by ${s.createdBy}`),
        expire),
      h('div', { class: 'alert-body' },
        s.comment ? h('span', { class: 'reason' }, s.comment) : null,
        h('details', { 'data-testid': 'silence-covers' },
          h('summary', {}, coverText(s)),
          h('ul', { class: 'id-list' }, ...sample.map(id => h('li', { 'data-id': id }, deviceLink(id))),
            sample.length < s.covers.devices + s.covers.lanes ? h('li', { class: 'muted' }, '…') : null))));
  }
}

/** Alert history: alert events, acknowledgements and silence changes, newest first. */
export class HistoryPanel {
  private readonly list = document.getElementById('history-list')!;
  private readonly status = document.getElementById('history-status')!;
  private readonly device = document.getElementById('history-device') as HTMLInputElement;

  constructor() {
    this.device.addEventListener('change', () => void this.refresh());
  }

  async refresh(): Promise<void> {
    const device = this.device.value.trim() || undefined;
    const res = await getJson<{ entries: HistoryEntry[] }>(q('/api/alerts/history', { device, limit: 200 }));
    if (!res.ok) {
      setText(this.status, `history not available: ${res.message}`);
      fill(this.list);
      return;
    }
    setText(this.status, `${res.data.entries.length} entries, newest first`);
    fill(this.list, ...res.data.entries.map(e => h('div', {
      'data-testid': 'history-row', 'data-state': e.state, class: `history-row state-${e.state}`,
    }, h('span', { class: 'muted time' }, fmtTime(e.ts)), h('span', { class: 'kind' }, e.state),
      h('span', { class: 'summary' }, historyText(e)))));
  }
}

/**
 * The form a row's "silence" button opens: the alert's root cause as target, a duration and a comment.
 * Calls {@code done} after the silence was created.
 */
export function silenceForm(target: string, by: () => string, done: () => void): HTMLElement {
  const duration = h('select', { 'data-testid': 'silence-duration' },
    ...SILENCE_DURATIONS.map(d => h('option', { value: d, selected: d === '2h' }, d))) as HTMLSelectElement;
  const comment = h('input', { 'data-testid': 'silence-comment', placeholder: 'why (maintenance, ticket…)', size: 24 }) as HTMLInputElement;
  const create = h('button', { type: 'button', 'data-testid': 'silence-create' }, 'silence') as HTMLButtonElement;
  const result = h('span', { class: 'muted' });
  create.addEventListener('click', async () => {
    create.disabled = true;
    const res = await postJson<Silence>('/api/silences', {
      target, duration: duration.value, comment: comment.value.trim(), by: by(),
    });
    create.disabled = false;
    if (res.ok) {
      setText(result, `silenced until ${fmtTime(res.data.endsAt)} (${coverText(res.data)})`);
      done();
    } else setText(result, `not silenced: ${res.message}`);
  });
  return h('div', { class: 'silence-form', 'data-testid': 'silence-form' },
    h('span', { class: 'muted' }, 'silence '), h('span', {}, target), h('span', { class: 'muted' }, ' and what is downstream for '),
    duration, comment, create, result);
}
