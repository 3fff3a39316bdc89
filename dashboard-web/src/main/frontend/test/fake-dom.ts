// A minimal DOM for logic tests: elements, text nodes, attributes, dataset and testid look-ups.
// Setting innerHTML throws, so a test fails if a view ever parses data as HTML.

export class FakeNode {
  parent: FakeElement | null = null;
  constructor(public data = '') {}
  get textContent(): string {
    return this.data;
  }
  set textContent(v: string) {
    this.data = v;
  }
}

export class FakeElement extends FakeNode {
  readonly attributes = new Map<string, string>();
  readonly childNodes: FakeNode[] = [];
  readonly style: Record<string, string> = {};
  readonly dataset: Record<string, string>;
  hidden = false;
  disabled = false;
  value = '';
  title = '';
  private classes = new Set<string>();

  constructor(readonly tagName: string) {
    super();
    const attrs = this.attributes;
    const key = (p: string) => `data-${p.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`;
    this.dataset = new Proxy({}, {
      get: (_t, p: string) => attrs.get(key(p)),
      set: (_t, p: string, v) => (attrs.set(key(p), String(v)), true),
    });
  }

  get className(): string {
    return [...this.classes].join(' ');
  }
  set className(v: string) {
    this.classes = new Set(v.split(/\s+/).filter(Boolean));
  }
  readonly classList = {
    toggle: (c: string, on?: boolean) => ((on ?? !this.classes.has(c)) ? this.classes.add(c) : this.classes.delete(c)),
    add: (c: string) => this.classes.add(c),
    contains: (c: string) => this.classes.has(c),
  };

  set innerHTML(_v: string) {
    throw new Error('innerHTML must not be used');
  }

  override get textContent(): string {
    return this.childNodes.map(c => c.textContent).join('');
  }
  override set textContent(v: string) {
    this.childNodes.length = 0;
    if (v) this.appendChild(new FakeNode(v));
  }

  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  appendChild<T extends FakeNode>(c: T): T {
    c.parent = this;
    this.childNodes.push(c);
    return c;
  }
  removeChild(c: FakeNode): FakeNode {
    this.childNodes.splice(this.childNodes.indexOf(c), 1);
    return c;
  }
  setAttribute(k: string, v: string): void {
    this.attributes.set(k, v);
  }
  getAttribute(k: string): string | null {
    return this.attributes.get(k) ?? null;
  }
  addEventListener(): void {}

  /** Every element below this one, depth first. */
  all(): FakeElement[] {
    const out: FakeElement[] = [];
    for (const c of this.childNodes) {
      if (c instanceof FakeElement) out.push(c, ...c.all());
    }
    return out;
  }
  querySelectorAll(sel: string): FakeElement[] {
    const m = /^\[([\w-]+)="([^"]*)"\]$/.exec(sel);
    if (!m) throw new Error(`fake DOM cannot select ${sel}`);
    return this.all().filter(e => e.getAttribute(m[1]) === m[2]);
  }
  querySelector(sel: string): FakeElement | null {
    return this.querySelectorAll(sel)[0] ?? null;
  }
}

export class FakeDocument {
  readonly body = new FakeElement('body');
  activeElement = null;
  createElement(tag: string): FakeElement {
    return new FakeElement(tag.toUpperCase());
  }
  createTextNode(text: string): FakeNode {
    return new FakeNode(text);
  }
  getElementById(id: string): FakeElement | null {
    return this.body.querySelector(`[id="${id}"]`);
  }
  querySelector(sel: string): FakeElement | null {
    return this.body.querySelector(sel);
  }
  querySelectorAll(sel: string): FakeElement[] {
    return this.body.querySelectorAll(sel);
  }
}

/** Installs a fake document with the given elements (by id or data-testid) and a memory localStorage. */
export function installDom(ids: string[], testIds: string[]): FakeDocument {
  const doc = new FakeDocument();
  for (const id of ids) doc.body.appendChild(doc.createElement('div')).setAttribute('id', id);
  for (const id of testIds) doc.body.appendChild(doc.createElement('div')).setAttribute('data-testid', id);
  const store = new Map<string, string>();
  Object.assign(globalThis, {
    document: doc,
    localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) },
  });
  return doc;
}
