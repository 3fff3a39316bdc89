// What is highlighted now, shared by the overview and optics maps and the highlight list. An alert
// highlights its root cause and affected set everywhere; a laser highlights exactly its lanes on the
// optics map and the hosts at both ends of its links on the overview.

export interface Highlight {
  label: string;
  /** Ids listed in the highlight list (devices or lanes). */
  list: string[];
  /** Ids to mark on the overview (lanes mark their engine's cell). */
  overview: string[];
  /** Ids to mark on the optics map (lanes exactly, engines all their lanes). */
  optics: string[];
}

type Listener = (h: Highlight | null) => void;

export class HighlightStore {
  private current: Highlight | null = null;
  private readonly listeners: Listener[] = [];

  get(): Highlight | null {
    return this.current;
  }

  set(h: Highlight | null): void {
    this.current = h;
    for (const l of this.listeners) l(h);
  }

  subscribe(l: Listener): void {
    this.listeners.push(l);
  }
}

/** The highlight for an alert: root cause first, then the affected set, without duplicates. */
export function alertHighlight(label: string, cause: string, affected: string[]): Highlight {
  const ids = [...new Set([cause, ...affected])];
  return { label, list: ids, overview: ids, optics: ids };
}
