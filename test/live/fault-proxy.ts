// A tiny loopback HTTP(S) proxy in front of a real server (NetBox, or a kube-apiserver) that
// can answer chosen requests itself (a status and body) or hold them back for a while, to
// provoke the failures a real deployment shows: 5xx from a proxy, 409, 403, slow answers, a
// failure after N writes went through. Everything else passes through.
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface FaultRule {
  readonly method?: string;
  /** Any of these methods (e.g. the writes: POST, PATCH, DELETE). */
  readonly methods?: readonly string[];
  readonly path?: RegExp;
  readonly status?: number;
  readonly body?: unknown;
  readonly delayMs?: number;
  /** Matching requests that pass through untouched before the rule applies (default 0). */
  skip?: number;
  /** How many matching requests the rule applies to (default: all). */
  times?: number;
}

export interface FaultProxyOptions {
  /** Serve HTTPS with this key and certificate (a Kubernetes client accepts https:// only). */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** The CA that signed the upstream's certificate, for an https:// upstream. */
  readonly upstreamCa?: string;
}

export class FaultProxy {
  readonly rules: FaultRule[] = [];
  readonly seen: { method: string; path: string; status: number }[] = [];
  private server?: Server;
  url = '';

  constructor(
    private readonly upstream: string,
    private readonly options: FaultProxyOptions = {},
  ) {}

  async start(): Promise<string> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.server = this.options.tls ? createHttpsServer(this.options.tls, handler) : createHttpServer(handler);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
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
    const matching = this.rules.find((r) => (r.times ?? 1) > 0 && (!r.method || r.method === req.method) && (!r.methods || r.methods.includes(req.method!)) && (!r.path || r.path.test(path)));
    let rule = matching;
    if (matching?.skip) {
      matching.skip--;
      rule = undefined;
    } else if (matching && matching.times !== undefined) matching.times--;
    if (rule?.delayMs) await new Promise((r) => setTimeout(r, rule.delayMs));
    if (res.destroyed) return;
    if (rule?.status) {
      this.seen.push({ method: req.method!, path, status: rule.status });
      res.writeHead(rule.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(rule.body ?? { detail: `injected ${rule.status}` }));
      return;
    }
    const target = new URL(path, this.upstream);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(target, { method: req.method, headers: { ...req.headers, host: target.host }, ...(this.options.upstreamCa ? { ca: this.options.upstreamCa } : {}) }, (answer) => {
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
