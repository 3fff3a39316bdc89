// The replay bar, shown only while the twin replays a recording: pause/resume, speed and a time
// cursor over the recording. State comes from /api/replay and from the stream's `replay` field.
import { getJson, postJson } from '../api';
import { can, needs } from '../auth';
import type { App } from '../app';
import { byTestId, setText } from '../dom';
import { fmtTime } from '../format';
import type { ReplayState } from '../types';

export class ReplayBar {
  private readonly bar = byTestId('replay-bar');
  private readonly pause = byTestId<HTMLButtonElement>('replay-pause');
  private readonly speed = byTestId<HTMLSelectElement>('replay-speed');
  private readonly cursor = byTestId<HTMLInputElement>('replay-cursor');
  private readonly at = document.getElementById('replay-at')!;
  private dragging = false;

  constructor(private readonly app: App) {
    if (!can('operator')) {
      for (const control of [this.pause, this.speed, this.cursor]) {
        control.disabled = true;
        control.title = needs('operator');
      }
    }
    this.pause.addEventListener('click', () => void this.send({ paused: !this.app.replay.paused }));
    this.speed.addEventListener('change', () => {
      const v = this.speed.value;
      void this.send({ speed: v === 'max' ? 'max' : Number(v) });
    });
    this.cursor.addEventListener('input', () => {
      this.dragging = true;
      setText(this.at, fmtTime(Number(this.cursor.value)));
    });
    this.cursor.addEventListener('change', () => {
      this.dragging = false;
      void this.send({ seek: Number(this.cursor.value) });
    });
    app.on('live', () => {
      const r = app.live.replay;
      if (r && typeof r === 'object') this.apply({ ...(r as ReplayState), active: true });
      else if (this.app.replay.active && r === undefined && app.live.seq !== null) this.apply({ active: false });
    });
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const res = await getJson<ReplayState>('/api/replay');
    this.apply(res.ok ? res.data : { active: false });
  }

  private async send(body: Record<string, unknown>): Promise<void> {
    const res = await postJson<ReplayState>('/api/replay', body);
    if (res.ok) this.apply(res.data);
    else this.bar.title = res.message;
  }

  private apply(r: ReplayState): void {
    this.app.replay = { ...this.app.replay, ...r };
    const s = this.app.replay;
    this.bar.hidden = !s.active;
    if (!s.active) return;
    setText(this.pause, s.paused ? 'resume' : 'pause');
    const speed = String(s.speed ?? '');
    if (speed && ![...this.speed.options].some(o => o.value === speed)) {
      const o = document.createElement('option');
      o.value = speed;
      o.textContent = `×${speed}`;
      this.speed.appendChild(o);
    }
    if (speed && document.activeElement !== this.speed) this.speed.value = speed;
    if (s.from !== undefined && s.to !== undefined) {
      this.cursor.min = String(s.from);
      this.cursor.max = String(s.to);
      this.cursor.step = String(Math.max(1, Math.round((s.to - s.from) / 1000)));
    }
    if (!this.dragging && s.at !== undefined) {
      this.cursor.value = String(s.at);
      setText(this.at, `${fmtTime(s.at)}${s.done ? ' (end of recording)' : ''}`);
    }
  }
}
