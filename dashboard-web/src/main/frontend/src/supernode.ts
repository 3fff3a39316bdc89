// Which supernode this page shows when one twin serves several. The page is opened as `/?sn=ID`;
// every per-supernode request then names it with `sn=ID`, and the server answers for that supernode.
// Without `?sn=` nothing is added and the server picks its default. No DOM here: Node tests cover it.

/** The query parameter that names a supernode, in the page URL and in requests. */
export const SN_PARAM = 'sn';

/** Requests about the instance or the session, not about one supernode: they never carry `sn`. */
const INSTANCE_PATHS: ReadonlySet<string> = new Set(['/api/login', '/api/logout', '/api/whoami', '/api/fleet']);

/** The supernode named by the page URL's query (`location.search`), or null when it names none. */
export function currentSupernode(search: string): string | null {
  const sn = new URLSearchParams(search).get(SN_PARAM)?.trim();
  return sn ? sn : null;
}

/**
 * `path` with `sn=ID` appended to its query (started with `?` or continued with `&`, before any `#`).
 * Unchanged when `sn` is null or the path already names a supernode.
 */
export function withSupernode(path: string, sn: string | null): string {
  if (!sn) return path;
  const hashAt = path.indexOf('#');
  const base = hashAt >= 0 ? path.slice(0, hashAt) : path;
  const hash = hashAt >= 0 ? path.slice(hashAt) : '';
  const queryAt = base.indexOf('?');
  if (queryAt >= 0 && new URLSearchParams(base.slice(queryAt + 1)).has(SN_PARAM)) return path;
  const sep = queryAt < 0 ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${sep}${SN_PARAM}=${encodeURIComponent(sn)}${hash}`;
}

/** Whether a request path is about one supernode (everything but the instance and session routes). */
export function isPerSupernode(path: string): boolean {
  const q = path.search(/[?#]/);
  return !INSTANCE_PATHS.has(q >= 0 ? path.slice(0, q) : path);
}

/** `path` as the page requests it: with `sn` for a per-supernode resource, as is for the instance ones. */
export function scopedPath(path: string, sn: string | null): string {
  return isPerSupernode(path) ? withSupernode(path, sn) : path;
}

/** What a `404 supernode.not-here` says: the supernode moved to another instance (`owner`, if known). */
export interface NotHere {
  /** The supernode that moved, when known (asked for by the page, or named by the owner's link). */
  supernode: string | null;
  message: string;
  /** The owner's page for the supernode, exactly as the server sent it, or null. */
  owner: string | null;
}

/** The error code a server sends for a supernode it no longer (or never) serves. */
export const NOT_HERE = 'supernode.not-here';

/** Reads a failed response: a NotHere for `404 supernode.not-here`, else null. */
export function notHere(status: number, body: unknown, requested: string | null): NotHere | null {
  if (status !== 404 || !body || typeof body !== 'object') return null;
  const b = body as { error?: unknown; message?: unknown; owner?: unknown };
  if (b.error !== NOT_HERE) return null;
  const owner = typeof b.owner === 'string' && b.owner.trim() ? b.owner.trim() : null;
  const message = typeof b.message === 'string' && b.message ? b.message : 'this supernode is not served here';
  return { supernode: requested ?? supernodeOfLink(owner), message, owner };
}

function supernodeOfLink(link: string | null): string | null {
  const url = link ? httpUrl(link) : null;
  return url ? currentSupernode(new URL(url).search) : null;
}

/**
 * `text` as an absolute http: or https: URL (normalised), or null for anything else (relative,
 * `javascript:`, `data:`, malformed): only these become links to other instances.
 */
export function httpUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
