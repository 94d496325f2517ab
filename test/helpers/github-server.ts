import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * The one stand-in our tests allow: GitHub's REST API on 127.0.0.1, answering
 * the endpoints keyhound uses with GitHub's response shapes: status codes,
 * `link` pagination headers, `x-ratelimit-*` headers (and 403 when the limit is
 * used up), 401 for an unknown token, 404 for what a token cannot see, and 403
 * "Resource not accessible by integration" when a read-only token writes.
 */

export interface FakeRepo {
  full_name: string;
  clone_url: string;
  fork?: boolean;
  archived?: boolean;
  private?: boolean;
  /** `Organization` or `User`. Default `Organization`. */
  ownerType?: 'Organization' | 'User';
}

export interface FakeFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  /** Omit to mimic GitHub leaving out the patch (binary or very large diff). */
  patch?: string;
  /** Head content; stored as a blob under its git blob id. */
  content?: string | Buffer;
  previous_filename?: string;
}

export interface FakePull {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  /** Head repository full name; another repository makes it a fork pull request; null: deleted fork. */
  headRepo?: string | null;
  files: FakeFile[];
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface TokenInfo {
  /** The token's user (`GET /user`); undefined for an Actions token, which has none. */
  login?: string;
  /** A fork pull request's token: reads work, writes get 403. */
  readOnly?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  body?: unknown;
}

/** A git blob id, as `git hash-object` computes it. */
export function blobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

export class FakeGitHub {
  url = '';
  readonly requests: RecordedRequest[] = [];
  readonly repos: FakeRepo[] = [];
  readonly pulls: FakePull[] = [];
  readonly blobs = new Map<string, Buffer>();
  /** Files the contents API serves, keyed `OWNER/NAME@REF:PATH`. */
  readonly files = new Map<string, Buffer>();
  readonly comments = new Map<string, FakeComment[]>();
  readonly sarifs: { owner: string; repo: string; commit_sha: string; ref: string; sarif: string; decoded: unknown }[] = [];
  /** Known tokens; when empty any token is accepted as a full-access token. */
  readonly tokens = new Map<string, TokenInfo>();
  /** Primary rate limit: `remaining` drops by one a request; at 0 requests fail with 403 until `reset` (epoch seconds). */
  rate = { limit: 5000, remaining: 5000, reset: Math.floor(Date.now() / 1000) + 3600 };
  /** Default page size when `per_page` is absent (GitHub's is 30). */
  defaultPerPage = 30;
  private nextId = 1000;
  private server?: Server;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => this.send(res, 500, { message: (error as Error).message }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  addPull(pull: FakePull): void {
    for (const file of pull.files) {
      if (file.content !== undefined) {
        const bytes = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
        this.blobs.set(blobSha(bytes), bytes);
      }
    }
    this.pulls.push(pull);
  }

  commentsOn(owner: string, repo: string, number: number): FakeComment[] {
    return this.comments.get(`${owner}/${repo}#${number}`) ?? [];
  }

  private rateHeaders(): Record<string, string> {
    return {
      'x-ratelimit-limit': String(this.rate.limit),
      'x-ratelimit-remaining': String(Math.max(0, this.rate.remaining)),
      'x-ratelimit-reset': String(this.rate.reset),
      'x-ratelimit-used': String(this.rate.limit - Math.max(0, this.rate.remaining)),
      'x-ratelimit-resource': 'core',
    };
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `FAKE:${this.nextId++}`,
      ...this.rateHeaders(),
      ...headers,
    });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  private error(res: ServerResponse, status: number, message: string, docs = 'https://docs.github.com/rest'): void {
    this.send(res, status, { message, documentation_url: docs, status: String(status) });
  }

  /** A page of `items` with GitHub's `link` header (next, last, first, prev). */
  private page(res: ServerResponse, url: URL, items: unknown[]): void {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? this.defaultPerPage));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const at = (n: number): string => {
      const next = new URL(url.pathname + url.search, this.url);
      next.searchParams.set('page', String(n));
      next.searchParams.set('per_page', String(perPage));
      return next.href;
    };
    const links: string[] = [];
    if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
    if (page > 1) links.push(`<${at(page - 1)}>; rel="prev"`, `<${at(1)}>; rel="first"`);
    this.send(res, 200, items.slice((page - 1) * perPage, page * perPage), links.length > 0 ? { link: links.join(', ') } : {});
  }

  private repoJson(repo: FakeRepo): Record<string, unknown> {
    const [owner, name] = repo.full_name.split('/');
    return {
      id: Number.parseInt(createHash('md5').update(repo.full_name).digest('hex').slice(0, 8), 16),
      node_id: 'R_fake',
      name,
      full_name: repo.full_name,
      private: repo.private === true,
      owner: { login: owner, id: 1, type: repo.ownerType ?? 'Organization' },
      html_url: `https://github.com/${repo.full_name}`,
      fork: repo.fork === true,
      url: `${this.url}/repos/${repo.full_name}`,
      clone_url: repo.clone_url,
      default_branch: 'main',
      archived: repo.archived === true,
      disabled: false,
      visibility: repo.private ? 'private' : 'public',
      size: 10,
    };
  }

  private async body(req: IncomingMessage): Promise<unknown> {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const text = Buffer.concat(parts).toString('utf8');
    return text ? JSON.parse(text) : undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const body = await this.body(req);
    const authorization = req.headers.authorization;
    this.requests.push({ method, path: url.pathname, query: url.searchParams, ...(authorization ? { authorization } : {}), body });

    const now = Math.floor(Date.now() / 1000);
    if (this.rate.remaining <= 0 && now >= this.rate.reset) this.rate = { ...this.rate, remaining: this.rate.limit, reset: now + 3600 };
    if (this.rate.remaining <= 0) {
      this.error(
        res,
        403,
        'API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID.',
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      );
      return;
    }
    this.rate.remaining--;

    const token = authorization?.replace(/^(?:token|bearer)\s+/i, '');
    let who: TokenInfo | undefined;
    if (token) {
      who = this.tokens.size === 0 ? {} : this.tokens.get(token);
      if (!who) {
        this.error(res, 401, 'Bad credentials');
        return;
      }
    }
    const write = method !== 'GET';
    const forbidWrite = (docs: string): boolean => {
      if (!write) return false;
      if (!who) {
        this.error(res, 401, 'Requires authentication', docs);
        return true;
      }
      if (who.readOnly) {
        this.error(res, 403, 'Resource not accessible by integration', docs);
        return true;
      }
      return false;
    };
    const visible = (repo: FakeRepo | undefined): repo is FakeRepo => repo !== undefined && (!repo.private || who !== undefined);
    const findRepo = (owner: string, name: string): FakeRepo | undefined =>
      this.repos.find((r) => r.full_name.toLowerCase() === `${owner}/${name}`.toLowerCase());
    let m: RegExpExecArray | null;
    const path = url.pathname;

    if (method === 'GET' && path === '/user') {
      if (!who) {
        this.error(res, 401, 'Requires authentication');
        return;
      }
      if (!who.login) {
        this.error(res, 403, 'Resource not accessible by integration');
        return;
      }
      this.send(res, 200, { login: who.login, id: 7, type: 'User' });
      return;
    }
    if (method === 'GET' && path === '/user/repos') {
      if (!who?.login) {
        this.error(res, 401, 'Requires authentication');
        return;
      }
      this.page(
        res,
        url,
        this.repos.filter((r) => r.full_name.split('/')[0] === who.login).map((r) => this.repoJson(r)),
      );
      return;
    }
    if (method === 'GET' && (m = /^\/orgs\/([^/]+)\/repos$/.exec(path))) {
      const org = m[1]!.toLowerCase();
      const owned = this.repos.filter(
        (r) => r.full_name.split('/')[0]!.toLowerCase() === org && (r.ownerType ?? 'Organization') === 'Organization',
      );
      if (owned.length === 0) {
        this.error(res, 404, 'Not Found', 'https://docs.github.com/rest/repos/repos#list-organization-repositories');
        return;
      }
      this.page(
        res,
        url,
        owned.filter(visible).map((r) => this.repoJson(r)),
      );
      return;
    }
    if (method === 'GET' && (m = /^\/users\/([^/]+)\/repos$/.exec(path))) {
      const user = m[1]!.toLowerCase();
      this.page(
        res,
        url,
        this.repos.filter((r) => r.full_name.split('/')[0]!.toLowerCase() === user && !r.private).map((r) => this.repoJson(r)),
      );
      return;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path))) {
      const [, owner, name, rest = ''] = m as unknown as [string, string, string, string | undefined];
      const repo = findRepo(owner, name);
      if (!visible(repo)) {
        this.error(res, 404, 'Not Found', 'https://docs.github.com/rest/repos/repos#get-a-repository');
        return;
      }
      const key = (n: string | number): string => `${repo.full_name}#${n}`;
      if (method === 'GET' && rest === '') {
        this.send(res, 200, this.repoJson(repo));
        return;
      }
      const pullOf = (n: string): FakePull | undefined =>
        this.pulls.find((p) => `${p.owner}/${p.repo}`.toLowerCase() === repo.full_name.toLowerCase() && p.number === Number(n));
      if (method === 'GET' && (m = /^\/pulls\/(\d+)$/.exec(rest))) {
        const pull = pullOf(m[1]!);
        if (!pull) {
          this.error(res, 404, 'Not Found', 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request');
          return;
        }
        const headRepo =
          pull.headRepo === null
            ? null
            : { full_name: pull.headRepo ?? repo.full_name, fork: (pull.headRepo ?? repo.full_name) !== repo.full_name };
        this.send(res, 200, {
          number: pull.number,
          state: 'open',
          changed_files: pull.files.length,
          head: { sha: pull.headSha, ref: 'feature', repo: headRepo },
          base: { sha: pull.baseSha, ref: 'main', repo: { full_name: repo.full_name, fork: false } },
        });
        return;
      }
      if (method === 'GET' && (m = /^\/pulls\/(\d+)\/files$/.exec(rest))) {
        const pull = pullOf(m[1]!);
        if (!pull) {
          this.error(res, 404, 'Not Found');
          return;
        }
        this.page(
          res,
          url,
          pull.files.map((f) => {
            const bytes = f.content === undefined ? undefined : Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content);
            const additions = (f.patch ?? '').split('\n').filter((l) => l.startsWith('+')).length;
            const deletions = (f.patch ?? '').split('\n').filter((l) => l.startsWith('-')).length;
            return {
              sha: bytes ? blobSha(bytes) : '0'.repeat(40),
              filename: f.filename,
              status: f.status,
              additions,
              deletions,
              changes: f.patch === undefined ? Math.max(1, bytes ? bytes.toString('latin1').split('\n').length : 1) : additions + deletions,
              blob_url: `https://github.com/${repo.full_name}/blob/${pull.headSha}/${f.filename}`,
              raw_url: `https://github.com/${repo.full_name}/raw/${pull.headSha}/${f.filename}`,
              contents_url: `${this.url}/repos/${repo.full_name}/contents/${f.filename}?ref=${pull.headSha}`,
              ...(f.patch !== undefined ? { patch: f.patch } : {}),
              ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
            };
          }),
        );
        return;
      }
      if (method === 'GET' && (m = /^\/contents\/(.+)$/.exec(rest))) {
        const filePath = decodeURIComponent(m[1]!);
        const ref = url.searchParams.get('ref') ?? 'HEAD';
        const prefix = `${repo.full_name}@${ref}:`;
        const bytes = this.files.get(`${prefix}${filePath}`);
        if (bytes) {
          this.send(res, 200, {
            type: 'file',
            path: filePath,
            sha: blobSha(bytes),
            size: bytes.length,
            encoding: 'base64',
            content: bytes.toString('base64'),
          });
          return;
        }
        // A folder: its direct entries, as the API lists them.
        const inside = [...this.files.keys()]
          .filter((key) => key.startsWith(`${prefix}${filePath}/`))
          .map((key) => key.slice(prefix.length));
        if (inside.length > 0) {
          const entries = new Map<string, string>();
          for (const file of inside) {
            const next = file.slice(filePath.length + 1).split('/');
            entries.set(`${filePath}/${next[0]!}`, next.length > 1 ? 'dir' : 'file');
          }
          this.send(
            res,
            200,
            [...entries].map(([entry, type]) => ({ type, path: entry, name: entry.split('/').pop() })),
          );
          return;
        }
        this.error(res, 404, 'Not Found', 'https://docs.github.com/rest/repos/contents#get-repository-content');
        return;
      }
      if (method === 'GET' && (m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest))) {
        const bytes = this.blobs.get(m[1]!);
        if (!bytes) {
          this.error(res, 404, 'Not Found', 'https://docs.github.com/rest/git/blobs#get-a-blob');
          return;
        }
        // GitHub wraps base64 content at 60 characters.
        const content = bytes.toString('base64').replace(/.{60}/g, '$&\n');
        this.send(res, 200, {
          sha: m[1],
          node_id: 'B_fake',
          size: bytes.length,
          url: `${this.url}${path}`,
          content: `${content}\n`,
          encoding: 'base64',
        });
        return;
      }
      if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
        const list = this.comments.get(key(m[1]!)) ?? [];
        if (method === 'GET') {
          this.page(
            res,
            url,
            list.map((c) => this.commentJson(repo, m![1]!, c)),
          );
          return;
        }
        if (forbidWrite('https://docs.github.com/rest/issues/comments#create-an-issue-comment')) return;
        const comment: FakeComment = {
          id: this.nextId++,
          body: (body as { body?: string }).body ?? '',
          // A user token comments as its user, the Actions token as github-actions[bot].
          user: who?.login ? { login: who.login, type: 'User' } : { login: 'github-actions[bot]', type: 'Bot' },
        };
        this.comments.set(key(m[1]!), [...list, comment]);
        this.send(res, 201, this.commentJson(repo, m[1]!, comment));
        return;
      }
      if (method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
        if (forbidWrite('https://docs.github.com/rest/issues/comments#update-an-issue-comment')) return;
        for (const [issueKey, list] of this.comments) {
          const comment = list.find((c) => c.id === Number(m![1]));
          if (comment && issueKey.startsWith(`${repo.full_name}#`)) {
            comment.body = (body as { body?: string }).body ?? '';
            this.send(res, 200, this.commentJson(repo, issueKey.split('#')[1]!, comment));
            return;
          }
        }
        this.error(res, 404, 'Not Found');
        return;
      }
      if (method === 'POST' && rest === '/code-scanning/sarifs') {
        if (forbidWrite('https://docs.github.com/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data')) return;
        const upload = body as { commit_sha: string; ref: string; sarif: string };
        if (!/^[0-9a-f]{40}$/.test(upload.commit_sha ?? '') || !/^refs\//.test(upload.ref ?? '')) {
          this.error(res, 422, 'Invalid request. commit_sha or ref is not valid.');
          return;
        }
        let decoded: unknown;
        try {
          decoded = JSON.parse(gunzipSync(Buffer.from(upload.sarif, 'base64')).toString('utf8'));
        } catch {
          this.error(res, 400, 'Invalid SARIF: the sarif field is not gzip-compressed, base64-encoded JSON');
          return;
        }
        const id = `fake-${this.nextId++}`;
        this.sarifs.push({ owner, repo: name, ...upload, decoded });
        this.send(res, 202, { id, url: `${this.url}/repos/${repo.full_name}/code-scanning/sarifs/${id}` });
        return;
      }
    }
    this.error(res, 404, 'Not Found');
  }

  private commentJson(repo: FakeRepo, issue: string, comment: FakeComment): Record<string, unknown> {
    return {
      id: comment.id,
      node_id: 'IC_fake',
      url: `${this.url}/repos/${repo.full_name}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${repo.full_name}/pull/${issue}#issuecomment-${comment.id}`,
      issue_url: `${this.url}/repos/${repo.full_name}/issues/${issue}`,
      body: comment.body,
      user: comment.user,
      author_association: 'NONE',
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    };
  }
}
