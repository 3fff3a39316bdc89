// Who is using the page (GET /api/whoami) and the session's CSRF token, kept in memory only: a
// reload asks /api/whoami again. Without users configured the server answers as an open twin.
import { byTestId, h, fill, setText } from './dom';

export type Role = 'viewer' | 'operator' | 'admin';

export interface Who {
  user: string;
  role: Role;
  via: 'session' | 'token' | 'open';
  open: boolean;
  csrf?: string;
}

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

let who: Who | null = null;

/** The signed-in user, once known. */
export function current(): Who | null {
  return who;
}

/** Whether the signed-in user may do what `role` may (unknown users may not). */
export function can(role: Role): boolean {
  return who !== null && (RANK[who.role] ?? -1) >= RANK[role];
}

/** Why a control is disabled, for its tooltip. */
export function needs(role: Role): string {
  return `needs the ${role} role (you are ${who ? who.role : 'not signed in'})`;
}

/** The header that proves a state-changing request comes from this page. */
export function csrfHeaders(): Record<string, string> {
  return who?.csrf ? { 'X-CSRF-Token': who.csrf } : {};
}

async function fetchWho(): Promise<{ status: number; who: Who | null }> {
  try {
    const res = await fetch('/api/whoami', { headers: { accept: 'application/json' } });
    if (res.status === 404) {
      // A server without access control: everyone may do everything.
      return { status: 200, who: { user: 'anonymous', role: 'admin', via: 'open', open: true } };
    }
    return { status: res.status, who: res.ok ? (await res.json()) as Who : null };
  } catch {
    return { status: 0, who: null };
  }
}

/** Resolves once someone is signed in: at once when a session exists or the twin is open, else after the login form. */
export async function signIn(): Promise<Who> {
  for (;;) {
    const r = await fetchWho();
    if (r.who) {
      who = r.who;
      showWho();
      return who;
    }
    if (r.status === 401) {
      who = await loginForm();
      showWho();
      return who;
    }
    setText(byTestId('conn'), 'waiting for the server…');
    await new Promise(res => setTimeout(res, 2000));
  }
}

function loginForm(): Promise<Who> {
  const form = byTestId<HTMLFormElement>('login-form');
  const user = byTestId<HTMLInputElement>('login-user');
  const password = byTestId<HTMLInputElement>('login-password');
  const error = byTestId('login-error');
  form.hidden = false;
  user.focus();
  return new Promise(resolve => {
    form.addEventListener('submit', async e => {
      e.preventDefault();
      setText(error, '');
      const res = await fetch('/api/login', {
        method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ user: user.value, password: password.value }),
      }).catch(() => null);
      const body = res ? await res.json().catch(() => null) as (Who & { message?: string }) | null : null;
      if (res && res.ok && body) {
        password.value = '';
        form.hidden = true;
        resolve(body);
      } else {
        setText(error, body?.message ?? 'the server did not answer');
      }
    });
  });
}

function showWho(): void {
  const box = byTestId('whoami');
  if (!who) return;
  if (who.open) {
    fill(box, h('span', { class: 'muted', title: 'no users configured: open to anyone on 127.0.0.1' }, 'open access'));
    return;
  }
  const logout = h('a', { href: '#', 'data-testid': 'logout' }, 'log out');
  logout.addEventListener('click', async e => {
    e.preventDefault();
    await fetch('/api/logout', { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: '{}' })
      .catch(() => null);
    who = null;
    location.reload();
  });
  fill(box, h('span', { 'data-testid': 'whoami-user' }, who.user), ` (${who.role}) `, who.via === 'session' ? logout : null);
}

/** Called on a 401 after sign-in (the session ended): sign in again from a fresh page. */
export function sessionEnded(): void {
  if (who && !who.open) {
    who = null;
    location.reload();
  }
}
