// Hash routes: "#/optics?laser=ID" → {view: "optics", params}. Unknown routes fall back to the overview.

export const VIEWS = ['overview', 'optics', 'cooling', 'alerts', 'predictions', 'device', 'fleet'] as const;
export type ViewName = (typeof VIEWS)[number];

export function parseRoute(hash: string): { view: ViewName; params: URLSearchParams } {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const name = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const view = (VIEWS as readonly string[]).includes(name) ? (name as ViewName) : 'overview';
  return { view, params };
}
