import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real git smart-HTTP server: node:http in front of `git http-backend` (CGI),
 * serving the bare repositories under `root`. With `token` set it answers 401
 * to requests without `Authorization: basic base64(x-access-token:TOKEN)`, as
 * GitHub does for private repositories. Records the Authorization headers seen.
 */
export class GitHttpServer {
  url = '';
  readonly authorizations: (string | undefined)[] = [];
  /** How many Authorization headers each request carried. */
  readonly rawAuthorizations: number[] = [];
  private server?: Server;

  constructor(
    private readonly root: string,
    private readonly token?: string,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const auth = req.headers.authorization;
      this.authorizations.push(auth);
      // Node keeps only the first of repeated Authorization headers; rawHeaders has them all.
      this.rawAuthorizations.push(
        req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === 'authorization').length,
      );
      const expected = this.token ? `basic ${Buffer.from(`x-access-token:${this.token}`).toString('base64')}` : undefined;
      if (expected && auth?.toLowerCase() !== expected.toLowerCase()) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"' });
        res.end('Unauthorized');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const child = spawn('git', ['http-backend'], {
        env: {
          PATH: process.env.PATH,
          GIT_PROJECT_ROOT: this.root,
          GIT_HTTP_EXPORT_ALL: '1',
          REQUEST_METHOD: req.method ?? 'GET',
          PATH_INFO: decodeURIComponent(url.pathname),
          QUERY_STRING: url.search.slice(1),
          CONTENT_TYPE: req.headers['content-type'] ?? '',
          REMOTE_ADDR: '127.0.0.1',
          GIT_PROTOCOL: [req.headers['git-protocol'] ?? ''].flat().join(','),
          ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
        },
      });
      req.pipe(child.stdin);
      const parts: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => parts.push(d));
      child.on('close', () => {
        const out = Buffer.concat(parts);
        const split = out.indexOf('\r\n\r\n');
        const head = out.subarray(0, split).toString('latin1');
        const headers: Record<string, string> = {};
        let status = 200;
        for (const line of head.split('\r\n')) {
          const [name, ...rest] = line.split(':');
          const value = rest.join(':').trim();
          if (name!.toLowerCase() === 'status') status = Number.parseInt(value, 10);
          else if (name) headers[name] = value;
        }
        res.writeHead(status, headers);
        res.end(out.subarray(split + 4));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
