// A tiny loopback HTTP proxy in front of the real NetBox that can answer chosen requests
// itself (a status and body) or hold them back for a while, to provoke the failures a real
// deployment shows: 5xx from a proxy, 409, slow answers. Everything else passes through.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultRule {
  readonly method?: string;
  readonly path?: RegExp;
  readonly status?: number;
  readonly body?: unknown;
  readonly delayMs?: number;
  /** How many matching requests the rule applies to (default: all). */
  times?: number;
}

export class FaultProxy {
  readonly rules: FaultRule[] = [];
  readonly seen: { method: string; path: string; status: number }[] = [];
  private server?: Server;
  url = '';

  constructor(private readonly upstream: string) {}

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

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = req.url ?? '/';
    const rule = this.rules.find((r) => (r.times ?? 1) > 0 && (!r.method || r.method === req.method) && (!r.path || r.path.test(path)));
    if (rule && rule.times !== undefined) rule.times--;
    if (rule?.delayMs) await new Promise((r) => setTimeout(r, rule.delayMs));
    if (res.destroyed) return;
    if (rule?.status) {
      this.seen.push({ method: req.method!, path, status: rule.status });
      res.writeHead(rule.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(rule.body ?? { detail: `injected ${rule.status}` }));
      return;
    }
    const target = new URL(path, this.upstream);
    const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      this.seen.push({ method: req.method!, path, status: answer.statusCode ?? 0 });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    upstream.end(Buffer.concat(chunks));
  }
}
