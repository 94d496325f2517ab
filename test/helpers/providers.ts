import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { CLI, ROOT, type RunResult } from './cli.js';
import { base62, hex, randomFrom } from './tokens.js';

/**
 * Stand-ins for credential providers: HTTP servers on 127.0.0.1 that answer
 * like the providers do (valid, invalid, rate-limited, down), and record every
 * request so a test can prove what was, or was not, sent.
 */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** An answer; `delayMs` holds it back that long (to keep requests in flight). */
export type Answer = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } | 'hang';
export type Handler = (request: SeenRequest, count: number) => Answer;

const running: ProviderServer[] = [];

export class ProviderServer {
  /** Requests being answered right now, over every stand-in of the test process, and the most there ever were. */
  static inFlight = 0;
  static peakInFlight = 0;
  readonly requests: SeenRequest[] = [];
  private server?: Server;
  private readonly hanging: ServerResponse[] = [];

  constructor(private readonly handler: Handler) {}

  /** Starts listening on a free port of 127.0.0.1; stopped after the test. */
  static async start(handler: Handler): Promise<ProviderServer> {
    const server = new ProviderServer(handler);
    await server.listen();
    running.push(server);
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  private listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const seen: SeenRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(seen);
        const answer = this.handler(seen, this.requests.length);
        if (answer === 'hang') {
          this.hanging.push(res);
          return;
        }
        ProviderServer.inFlight++;
        ProviderServer.peakInFlight = Math.max(ProviderServer.peakInFlight, ProviderServer.inFlight);
        const send = (): void => {
          const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
          res.writeHead(answer.status, {
            'content-type': typeof answer.body === 'string' ? 'text/xml' : 'application/json',
            ...answer.headers,
          });
          ProviderServer.inFlight--;
          res.end(text);
        };
        if (answer.delayMs) setTimeout(send, answer.delayMs);
        else send();
      });
    });
    return new Promise((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
  }

  async close(): Promise<void> {
    for (const res of this.hanging.splice(0)) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

/** A port nothing listens on (a provider that is down). */
export async function closedPort(): Promise<string> {
  const server = await ProviderServer.start(() => ({ status: 200 }));
  const url = server.url;
  await server.close();
  return url;
}

/**
 * Runs the real CLI as a process without blocking this process's event loop,
 * so the stand-in servers above can answer it. KEYHOUND_TEST_CLI may name a
 * private copy of the bundle (while others rebuild dist/ in a shared tree).
 */
export function runCliAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.env.KEYHOUND_TEST_CLI ?? CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    // A CLI that exits before stdin closes must fail on its exit code, not on EPIPE here.
    child.stdin.on('error', () => {});
    child.stdin.end();
  });
}

/** The credentials a Basic header carries. */
export function basicCredentials(request: SeenRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return undefined;
  return Buffer.from(header.slice(6), 'base64').toString('utf8');
}

export function bearer(request: SeenRequest): string | undefined {
  return request.headers.authorization?.startsWith('Bearer ') ? request.headers.authorization.slice(7) : undefined;
}

// Fake credentials in each provider's format, assembled here so the repository holds none.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const fake = {
  slackBot: (): string => ['xoxb', randomFrom('123456789', 12), randomFrom('123456789', 13), base62(24)].join('-'),
  stripeTest: (): string => ['sk', 'test', base62(40)].join('_'),
  stripeLive: (): string => ['sk', 'live', base62(40)].join('_'),
  openai: (): string => `sk-proj-${base62(40)}T3BlbkFJ${base62(40)}`,
  anthropic: (): string => `sk-ant-api03-${base62(93)}AA`,
  npm: (): string => `npm_${base62(36)}`,
  sendgrid: (): string => `SG.${base62(22)}.${base62(43)}`,
  gitlab: (): string => `glpat-${base62(20)}`,
  twilioSid: (): string => `AC${hex(32)}`,
  twilioToken: (): string => hex(32),
  awsKeyId: (): string => `AKIA${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
  awsSecret: (): string => `${randomFrom(BASE64, 39)}${base62(1)}`,
  btClientId: (): string => hex(40),
  btSecret: (): string => randomFrom(BASE64, 44),
};

/**
 * Where a request carried a secret, as the generated tests name places: `url`
 * (path or query), `header:NAME` (a bearer token counts as `header:authorization`),
 * `basic` (inside HTTP Basic credentials), `body`.
 */
export function secretPlaces(request: SeenRequest, secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  const has = (text: string): boolean => forms.some((form) => text.includes(form));
  const places = new Set<string>();
  if (has(request.path)) places.add('url');
  for (const [name, value] of Object.entries(request.headers)) {
    const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
    if (name === 'authorization' && text.startsWith('Basic ')) {
      if (has(basicCredentials(request) ?? '')) places.add('basic');
    } else if (has(text)) places.add(`header:${name}`);
  }
  if (has(request.body) || has(new URLSearchParams(request.body).toString()) || has(decodeURIComponentSafe(request.body)))
    places.add('body');
  return [...places].sort();
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A stand-in answer from a rule's example answer (`verify.examples.live`). */
export function exampleAnswer(example: { status: number; headers?: Record<string, string>; body?: unknown }): Exclude<Answer, 'hang'> {
  return { status: example.status, body: example.body ?? '', headers: example.headers ?? {} };
}

/**
 * Watches the network from inside a CLI process: a preload script (passed in
 * NODE_OPTIONS) records every socket the process opens, host and port, before
 * the connection is attempted. It observes Node's own `net` layer, so it sees
 * every request fetch makes (HTTP and HTTPS alike) and changes none of them.
 */
export function netWatch(dir: string): { env: NodeJS.ProcessEnv; connections(): { host: string; port: number }[] } {
  const script = path.join(dir, 'net-watch.mjs');
  const log = path.join(dir, 'net-watch.log');
  writeFileSync(
    script,
    [
      "import net from 'node:net';",
      "import { appendFileSync } from 'node:fs';",
      'const connect = net.Socket.prototype.connect;',
      'net.Socket.prototype.connect = function (...args) {',
      "  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };",
      "  if (options.port !== undefined) appendFileSync(process.env.KEYHOUND_NET_LOG, JSON.stringify({ host: options.host ?? 'localhost', port: Number(options.port) }) + '\\n');",
      '  return connect.apply(this, args);',
      '};',
      '',
    ].join('\n'),
  );
  writeFileSync(log, '');
  return {
    env: { NODE_OPTIONS: `--import=${pathToFileURL(script).href}`, KEYHOUND_NET_LOG: log },
    connections: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { host: string; port: number }),
  };
}
