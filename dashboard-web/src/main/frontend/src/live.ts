// The live values as the stream keeps them: full messages replace everything, deltas patch single
// entries, and a gap in `seq` makes the state wait for the next full message instead of showing a
// mix of old and new. Also accepts the older single-document form ({"type": "live", "gpu.temp_c": ...}).

export type Values = Record<string, (number | null)[]>;

export interface LiveMessage {
  type?: string;
  seq?: number;
  sent?: number;
  at?: number;
  frames?: number;
  samples?: number;
  alerts?: number;
  values?: Values;
  replay?: unknown;
  [key: string]: unknown;
}

export class LiveState {
  values: Values = {};
  seq: number | null = null;
  at: number | null = null;
  frames = 0;
  samples = 0;
  alerts: number | null = null;
  replay: unknown = undefined;
  /** True after a gap, until a full message arrives. */
  waitingForFull = true;

  /** Applies one message; answers whether the values changed (a repaint is due). */
  apply(m: LiveMessage): boolean {
    if (m.type === 'delta') {
      if (this.waitingForFull || this.seq === null || m.seq !== this.seq + 1) {
        this.waitingForFull = true;
        return false;
      }
      this.header(m);
      return patch(this.values, m.values ?? {});
    }
    if (m.type === 'full' || m.type === 'live' || m.type === undefined) {
      this.values = m.values ?? legacyValues(m);
      this.waitingForFull = false;
      this.header(m);
      return true;
    }
    return false;
  }

  private header(m: LiveMessage): void {
    this.seq = typeof m.seq === 'number' ? m.seq : null;
    if (typeof m.at === 'number') this.at = m.at;
    if (typeof m.frames === 'number') this.frames = m.frames;
    if (typeof m.samples === 'number') this.samples = m.samples;
    if (typeof m.alerts === 'number') this.alerts = m.alerts;
    this.replay = m.replay;
    // A stream without seq numbers (the older form) sends only full documents.
    if (this.seq === null && m.type !== 'full') this.waitingForFull = false;
  }
}

/** Applies flat [index, value, index, value, ...] pairs; answers whether anything was applied. */
export function patch(values: Values, delta: Values): boolean {
  let changed = false;
  for (const key of Object.keys(delta)) {
    const pairs = delta[key];
    let target = values[key];
    if (!target) {
      target = [];
      values[key] = target;
    }
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const index = pairs[i];
      if (typeof index !== 'number' || index < 0) continue;
      target[index] = pairs[i + 1] ?? null;
      changed = true;
    }
  }
  return changed;
}

function legacyValues(m: LiveMessage): Values {
  const values: Values = {};
  for (const key of Object.keys(m)) {
    const v = m[key];
    if (key.includes('.') && Array.isArray(v)) values[key] = v as (number | null)[];
  }
  return values;
}

/** Decodes a WebSocket message that may be text or binary (ArrayBuffer or Blob is handled by the caller). */
export function decodeMessage(data: string | ArrayBuffer): LiveMessage | null {
  try {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as LiveMessage) : null;
  } catch {
    return null;
  }
}
