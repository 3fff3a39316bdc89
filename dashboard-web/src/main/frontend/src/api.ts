// Fetching from the server. An endpoint that is missing (the server may be older than the page) or
// failing answers a tagged result, so a view can say "not available" instead of breaking.
// State-changing requests carry the session's CSRF token. When the page was opened for one supernode
// (`?sn=ID`), every per-supernode request names it; a supernode that moved to another instance is
// reported to whoever listens (the page's banner) as well as answered as a failure.
import { csrfHeaders, sessionEnded } from './auth';
import { currentSupernode, isPerSupernode, notHere, scopedPath, type NotHere } from './supernode';

export type Result<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

export async function getJson<T>(path: string): Promise<Result<T>> {
  return request<T>(path, { headers: { accept: 'application/json' } });
}

export async function postJson<T>(path: string, body: unknown): Promise<Result<T>> {
  return sendJson<T>('POST', path, body);
}

export async function deleteJson<T>(path: string): Promise<Result<T>> {
  return sendJson<T>('DELETE', path, undefined);
}

async function sendJson<T>(method: string, path: string, body: unknown): Promise<Result<T>> {
  return request<T>(path, {
    method, headers: { 'content-type': 'application/json', accept: 'application/json', ...csrfHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

let movedListener: (moved: NotHere | null) => void = () => {};

/**
 * Called with what a `404 supernode.not-here` said, and with null after a per-supernode request
 * succeeded again (the supernode is served here).
 */
export function onSupernodeMoved(listener: (moved: NotHere | null) => void): void {
  movedListener = listener;
}

/** The supernode the page was opened for (`?sn=ID`), or null for the server's default. */
export function pageSupernode(): string | null {
  return typeof location === 'undefined' ? null : currentSupernode(location.search);
}

async function request<T>(path: string, init: RequestInit): Promise<Result<T>> {
  const sn = pageSupernode();
  const perSupernode = isPerSupernode(path);
  try {
    const res = await fetch(scopedPath(path, sn), init);
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (res.status === 401) sessionEnded();
    if (!res.ok) {
      const moved = perSupernode ? notHere(res.status, parsed, sn) : null;
      if (moved) {
        movedListener(moved);
        return { ok: false, status: res.status, message: moved.message };
      }
      const body = parsed && typeof parsed === 'object' ? (parsed as { error?: unknown; message?: unknown }) : {};
      const msg = body.message !== undefined ? String(body.message) : res.statusText;
      // A resource the server does not have (yet) is "not available"; a known resource saying no
      // (an unknown device, a bad range) gives its own reason.
      const missing = res.status === 404 && (body.error === undefined || body.error === 'http.not-found');
      return { ok: false, status: res.status, message: missing ? `not available (${msg})` : msg };
    }
    if (parsed === null) return { ok: false, status: res.status, message: 'not available (not JSON)' };
    if (perSupernode) movedListener(null);
    return { ok: true, data: parsed as T };
  } catch (e) {
    return { ok: false, status: 0, message: `not available (${e instanceof Error ? e.message : String(e)})` };
  }
}

export function q(path: string, params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params).filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}
