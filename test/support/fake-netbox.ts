import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small in-memory stand-in for the part of NetBox 4.7's REST API diet uses, for fast unit
 * tests of batching, id resolution and error handling. It mimics the behaviour diet relies
 * on: bulk list writes (all-or-none, 4.7 error shape), uniqueness of slugs, device names per
 * site, interface names per device and cable ends, interface instantiation from templates,
 * component cascade on device delete, 409 on protected deletes, bulk-update answers not in
 * request order, choice fields as
 * `{value, label}`, nested references, `?tag=` (400 for an unknown tag), paging.
 * Live behaviour is covered by the tests against the real NetBox (test/live/).
 */
type Obj = Record<string, unknown> & { id: number };
interface Fault {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}
export interface RequestRecord {
  method: string;
  path: string;
  items: number;
}

const PATHS: Record<string, string> = {
  'extras/tags': 'tag', 'dcim/sites': 'site', 'dcim/manufacturers': 'manufacturer', 'dcim/device-roles': 'role',
  'dcim/device-types': 'dtype', 'dcim/interface-templates': 'itemplate', 'dcim/devices': 'device', 'dcim/interfaces': 'iface', 'dcim/cables': 'cable',
};
const REFS: Record<string, string> = { manufacturer: 'manufacturer', role: 'role', site: 'site', device_type: 'dtype', device: 'device' };

export class FakeNetbox {
  readonly tables = new Map<string, Map<number, Obj>>(Object.values(PATHS).map((t) => [t, new Map()]));
  readonly requests: RequestRecord[] = [];
  readonly faults: Fault[] = [];
  /** A fault chosen per request (after the queued `faults`), e.g. for the Nth bulk write. */
  faultFor?: (method: string, path: string, body: unknown) => Fault | undefined;
  inFlight = 0;
  maxInFlight = 0;
  delayMs = 0;
  pageSize = 1000;
  version = '4.7.3';
  /** Extra validation of created objects, to provoke per-object 400s. */
  rejectCreate?: (table: string, item: Record<string, unknown>) => Record<string, string[]> | undefined;
  private nextId = 1;
  private clock = 0;
  private server?: Server;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  all(table: string): Obj[] {
    return [...this.tables.get(table)!.values()];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const text = Buffer.concat(chunks).toString();
      const body: unknown = text ? JSON.parse(text) : undefined;
      const url = new URL(req.url!, 'http://x');
      this.requests.push({ method: req.method!, path: url.pathname, items: Array.isArray(body) ? body.length : 1 });
      const fault = this.faults.shift() ?? this.faultFor?.(req.method!, url.pathname, body);
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      if (fault && fault.status) return send(res, fault.status, fault.body ?? { detail: 'injected' }, fault.headers);
      if (req.headers.authorization !== 'Token good-token') return send(res, 403, { detail: 'Invalid v1 token' });
      if (url.pathname === '/api/status/') return send(res, 200, { 'netbox-version': this.version });
      const table = PATHS[url.pathname.replace(/^\/api\/|\/$/g, '')];
      if (!table) return send(res, 404, { detail: 'Not found.' });
      if (req.method === 'GET') return this.list(res, table, url.searchParams);
      const items = body as Record<string, unknown>[];
      const errors = items.map((item) => (req.method === 'POST' ? this.checkCreate(table, item, items) : this.checkExisting(table, item, req.method!)));
      const failed = errors.flatMap((e, index) => (e ? [{ [req.method === 'POST' ? 'index' : 'id']: req.method === 'POST' ? index : items[index].id, errors: e }] : []));
      if (failed.length > 0) return send(res, 400, { detail: `${failed.length} of ${items.length} objects could not be written.`, errors: failed });
      if (req.method === 'DELETE') {
        for (const item of items) this.remove(table, Number(item.id));
        return send(res, 204, undefined);
      }
      const out = items.map((item) => (req.method === 'POST' ? this.create(table, item) : this.update(table, item)));
      // Like NetBox, a bulk update answers in list order (by id here), not in request order.
      if (req.method !== 'POST') out.sort((x, y) => y.id - x.id);
      return send(res, req.method === 'POST' ? 201 : 200, out.map((o) => this.serialize(table, o)));
    } finally {
      this.inFlight--;
    }
  }

  private list(res: ServerResponse, table: string, q: URLSearchParams): void {
    let rows = this.all(table);
    if (q.has('tag')) {
      const tag = this.all('tag').find((t) => t.slug === q.get('tag'));
      if (!tag) return send(res, 400, { tag: [`Select a valid choice. ${q.get('tag')} is not one of the available choices.`] });
      rows = rows.filter((r) => (r.tags as number[] | undefined)?.includes(tag.id));
    }
    for (const [key, field] of [['slug', 'slug'], ['name', 'name'], ['device_id', 'device'], ['device_type_id', 'device_type']] as const) {
      const values = q.getAll(key);
      if (values.length > 0) rows = rows.filter((r) => values.includes(String(r[field])));
    }
    const limit = Math.min(Number(q.get('limit') ?? 50), this.pageSize);
    const offset = Number(q.get('offset') ?? 0);
    send(res, 200, { count: rows.length, next: null, previous: null, results: rows.slice(offset, offset + limit).map((r) => this.serialize(table, r)) });
  }

  private resolve(table: string, value: unknown): number | undefined {
    if (typeof value === 'number') return this.tables.get(table)!.has(value) ? value : undefined;
    const slug = (value as { slug?: string } | null)?.slug;
    return this.all(table).find((o) => o.slug === slug)?.id;
  }

  private checkCreate(table: string, item: Record<string, unknown>, batch: Record<string, unknown>[]): Record<string, string[]> | undefined {
    const rejected = this.rejectCreate?.(table, item);
    if (rejected) return rejected;
    const rows = this.all(table);
    const clash = (pred: (o: Record<string, unknown>) => boolean) => rows.some(pred) || batch.filter(pred).length > 1;
    if ('slug' in item && clash((o) => o.slug === item.slug)) return { slug: [`${table} with this slug already exists.`] };
    if (table === 'device' && clash((o) => o.name === item.name && this.resolve('site', o.site) === this.resolve('site', item.site))) return { __all__: ['Device name must be unique per site and tenant.'] };
    if (table === 'iface' && clash((o) => o.name === item.name && o.device === item.device)) return { __all__: ['Interface with this Device and Name already exists.'] };
    if (table === 'cable') {
      const ends = [...(item.a_terminations as { object_id: number }[]), ...(item.b_terminations as { object_id: number }[])].map((t) => t.object_id);
      const used = new Set(this.all('cable').flatMap((c) => [...(c.a as number[]), ...(c.b as number[])]));
      const taken = ends.find((e) => used.has(e) || !this.tables.get('iface')!.has(e));
      if (taken !== undefined) return { __all__: [`Duplicate termination found for dcim.interface ${taken}`] };
    }
    for (const [field, ref] of Object.entries(REFS)) if (field in item && this.resolve(ref, item[field]) === undefined) return { [field]: ['Related object not found using the provided attributes.'] };
    return undefined;
  }

  private checkExisting(table: string, item: Record<string, unknown>, method: string): Record<string, string[]> | undefined {
    const id = Number(item.id);
    if (!this.tables.get(table)!.has(id)) return { id: [`Object with ID ${id} does not exist`] };
    if (method === 'DELETE' && table === 'dtype' && this.all('device').some((d) => d.device_type === id)) return { __all__: ['Unable to delete object. Dependent devices exist.'] };
    return undefined;
  }

  private create(table: string, item: Record<string, unknown>): Obj {
    const o: Obj = { ...this.fromPayload(item), id: this.nextId++, last_updated: this.stamp() };
    if (table === 'cable') Object.assign(o, { a: (item.a_terminations as { object_id: number }[]).map((t) => t.object_id), b: (item.b_terminations as { object_id: number }[]).map((t) => t.object_id) });
    this.tables.get(table)!.set(o.id, o);
    if (table === 'device') {
      for (const t of this.all('itemplate').filter((t) => t.device_type === o.device_type)) this.create('iface', { device: o.id, name: t.name, type: t.type, description: '', tags: [] });
    }
    return o;
  }

  private update(table: string, item: Record<string, unknown>): Obj {
    const o = this.tables.get(table)!.get(Number(item.id))!;
    Object.assign(o, this.fromPayload(item), { last_updated: this.stamp() });
    return o;
  }

  private remove(table: string, id: number): void {
    this.tables.get(table)!.delete(id);
    if (table === 'device') for (const i of this.all('iface').filter((i) => i.device === id)) this.remove('iface', i.id);
    if (table === 'iface') for (const c of this.all('cable')) for (const side of ['a', 'b']) c[side] = (c[side] as number[]).filter((e) => e !== id);
  }

  private fromPayload(item: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...item };
    for (const [field, ref] of Object.entries(REFS)) if (field in item) out[field] = this.resolve(ref, item[field]);
    if ('tags' in item) out.tags = (item.tags as unknown[]).map((t) => this.resolve('tag', t));
    delete out.a_terminations;
    delete out.b_terminations;
    return out;
  }

  private serialize(table: string, o: Obj): Record<string, unknown> {
    const ref = (t: string, id: unknown) => (id === undefined ? null : { ...this.tables.get(t)!.get(id as number) });
    const out: Record<string, unknown> = { ...o };
    for (const [field, t] of Object.entries(REFS)) if (field in o) out[field] = ref(t, o[field]);
    if ('tags' in o) out.tags = (o.tags as number[]).map((id) => ref('tag', id));
    for (const field of ['status', 'type']) if (typeof o[field] === 'string') out[field] = { value: o[field], label: String(o[field]).toUpperCase() };
    if (table === 'cable') {
      const end = (ids: number[]) => ids.map((id) => ({ object_type: 'dcim.interface', object_id: id, object: { ...this.tables.get('iface')!.get(id), device: ref('device', this.tables.get('iface')!.get(id)?.device) } }));
      Object.assign(out, { a_terminations: end(o.a as number[]), b_terminations: end(o.b as number[]) });
    }
    return out;
  }

  private stamp(): string {
    return new Date(Date.UTC(2026, 0, 1) + ++this.clock).toISOString();
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
