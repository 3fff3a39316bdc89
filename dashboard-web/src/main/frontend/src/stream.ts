// The live WebSocket: reconnects with exponential backoff, accepts text and binary messages, and
// hands each decoded message to a callback. A browser that falls behind is conflated by the server.
// A page opened for one supernode (`?sn=ID`) follows that supernode's stream (`/live?sn=ID`).
import { pageSupernode } from './api';
import { decodeMessage, type LiveMessage } from './live';
import { withSupernode } from './supernode';

export type ConnState = { kind: 'connecting' } | { kind: 'live' } | { kind: 'retrying'; inMs: number };

export class LiveStream {
  private delay = 500;
  private ws: WebSocket | null = null;

  constructor(private readonly onMessage: (m: LiveMessage) => void,
              private readonly onState: (s: ConnState) => void) {}

  start(): void {
    this.onState({ kind: 'connecting' });
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}${withSupernode('/live', pageSupernode())}`);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      this.delay = 500;
      this.onState({ kind: 'live' });
    };
    ws.onmessage = e => {
      const data = e.data as string | ArrayBuffer;
      const m = decodeMessage(data);
      if (m) this.onMessage(m);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      const wait = this.delay;
      this.delay = Math.min(10_000, this.delay * 2);
      this.onState({ kind: 'retrying', inMs: wait });
      setTimeout(() => this.start(), wait);
    };
  }
}
