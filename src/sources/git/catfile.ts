import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { SourceError } from '../../core/errors.js';
import type { Repository } from './repo.js';
import { gitFailed, runGit, spawnGit } from './run.js';

/**
 * Object contents from one long-lived `git cat-file --batch` process: ids go
 * in on stdin, `<id> <type> <size>\n<bytes>\n` comes back in the same order.
 * One process for a whole scan costs one fork, and git keeps its pack
 * windows and delta-base cache warm across objects.
 */

export interface ObjectInfo {
  id: string;
  /** `blob`, `tree`, ...; `missing` when the repository lacks it (a shallow or partial clone). */
  type: string;
  size: number;
}

export interface ObjectData extends ObjectInfo {
  /** The contents; absent for missing objects. */
  data?: Buffer;
}

/** Types and sizes of objects, in one `--batch-check` call, so large blobs are skipped before any byte is read. */
export async function objectInfo(repo: Repository, ids: readonly string[]): Promise<Map<string, ObjectInfo>> {
  const out = new Map<string, ObjectInfo>();
  if (ids.length === 0) return out;
  const result = await runGit(['cat-file', '--batch-check'], { cwd: repo.cwd, env: repo.env, input: `${ids.join('\n')}\n` });
  for (const line of result.stdout.toString('latin1').split('\n')) {
    if (!line) continue;
    const [id, type, size] = line.split(' ');
    out.set(id!, { id: id!, type: type!, size: type === 'missing' ? 0 : Number(size) });
  }
  return out;
}

/** The blobs at most `maxBytes` long (a missing one counts as empty); each other one goes to `over`. */
export async function withinSize<T extends { id: string }>(
  repo: Repository,
  items: readonly T[],
  maxBytes: number,
  over: (item: T) => void,
): Promise<T[]> {
  if (items.length === 0) return [];
  const sizes = await objectInfo(
    repo,
    items.map((item) => item.id),
  );
  return items.filter((item) => {
    if ((sizes.get(item.id)?.size ?? 0) <= maxBytes) return true;
    over(item);
    return false;
  });
}

/** Answers buffered ahead of the consumer before git is paused. */
const HIGH_WATER = 64 * 1024 * 1024;
const LOW_WATER = 16 * 1024 * 1024;

export class CatFileReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly ready: ObjectData[] = [];
  private readyBytes = 0;
  private waiting: { resolve: (value: ObjectData) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  private paused = false;
  private readonly stderr: Buffer[] = [];
  // Parser state: the header of the object being read, and its bytes so far.
  private pendingHeader: Buffer | undefined;
  private body: { info: ObjectInfo; data: Buffer; filled: number } | undefined;
  /** The newline after a body, when it has not arrived yet. */
  private skipNewline = false;
  private requested = 0;
  private answered = 0;

  constructor(private readonly repo: Repository) {
    this.child = spawnGit(['cat-file', '--batch'], { cwd: repo.cwd, env: repo.env });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    this.child.stdin.on('error', () => {});
    this.child.on('error', (error) => this.fail(new SourceError(`could not run git cat-file: ${error.message}`)));
    this.child.on('close', (code) => {
      if (this.answered < this.requested) {
        this.fail(
          code === 0
            ? new SourceError('git cat-file stopped before answering every request')
            : gitFailed(['cat-file', '--batch'], Buffer.concat(this.stderr).toString('utf8'), code ?? -1),
        );
      }
    });
  }

  /** Queues ids; answers come back from {@link next} in this order. */
  request(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.requested += ids.length;
    // Node buffers what the pipe cannot take yet, so this never blocks on git.
    this.child.stdin.write(`${ids.join('\n')}\n`);
  }

  /** The next answer, in request order. */
  next(): Promise<ObjectData> {
    const item = this.ready.shift();
    if (item) {
      this.readyBytes -= item.size;
      if (this.paused && this.readyBytes < LOW_WATER) {
        this.paused = false;
        this.child.stdout.resume();
      }
      return Promise.resolve(item);
    }
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** Ends the process; safe to call twice. */
  close(): void {
    this.child.stdin.end();
    if (this.answered < this.requested) this.child.kill();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }

  private deliver(item: ObjectData): void {
    this.answered++;
    if (this.waiting) {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting.resolve(item);
      return;
    }
    this.ready.push(item);
    this.readyBytes += item.size;
    if (!this.paused && this.readyBytes > HIGH_WATER) {
      this.paused = true;
      this.child.stdout.pause();
    }
  }

  private receive(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.skipNewline) {
        this.skipNewline = false;
        at++;
        continue;
      }
      if (this.body) {
        const body = this.body;
        const take = Math.min(body.data.length - body.filled, chunk.length - at);
        chunk.copy(body.data, body.filled, at, at + take);
        body.filled += take;
        at += take;
        if (body.filled === body.data.length) {
          this.body = undefined;
          this.skipNewline = true;
          this.deliver({ ...body.info, data: body.data });
        }
        continue;
      }
      const newline = chunk.indexOf(0x0a, at);
      if (newline < 0) {
        this.pendingHeader = this.pendingHeader ? Buffer.concat([this.pendingHeader, chunk.subarray(at)]) : Buffer.from(chunk.subarray(at));
        return;
      }
      const headerBytes = this.pendingHeader
        ? Buffer.concat([this.pendingHeader, chunk.subarray(at, newline)])
        : chunk.subarray(at, newline);
      this.pendingHeader = undefined;
      at = newline + 1;
      const [id, type, size] = headerBytes.toString('latin1').split(' ');
      if (type === 'missing' || type === 'ambiguous' || size === undefined) {
        this.deliver({ id: id!, type: 'missing', size: 0 });
        continue;
      }
      const info: ObjectInfo = { id: id!, type: type!, size: Number(size) };
      // Most bodies arrive whole inside one chunk: hand out a view, not a copy.
      if (chunk.length - at >= info.size + 1) {
        const data = chunk.subarray(at, at + info.size);
        at += info.size + 1;
        this.deliver({ ...info, data });
        continue;
      }
      this.body = { info, data: Buffer.allocUnsafe(info.size), filled: 0 };
      if (info.size === 0) {
        this.body = undefined;
        this.skipNewline = true;
        this.deliver({ ...info, data: Buffer.alloc(0) });
      }
    }
  }
}

/**
 * The first `bytes` of a blob, without reading the rest: enough to tell a text
 * file over the size limit (the scan is then incomplete) from a binary one.
 */
export function blobHead(repo: Repository, id: string, bytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const child = spawnGit(['cat-file', 'blob', id], { cwd: repo.cwd, env: repo.env });
    const parts: Buffer[] = [];
    let got = 0;
    const done = (): void => {
      child.stdout.removeAllListeners('data');
      child.kill();
      resolve(Buffer.concat(parts).subarray(0, bytes));
    };
    child.stdin.end();
    child.stdout.on('data', (chunk: Buffer) => {
      parts.push(chunk);
      got += chunk.length;
      if (got >= bytes) done();
    });
    child.on('error', () => resolve(Buffer.alloc(0)));
    child.on('close', () => resolve(Buffer.concat(parts).subarray(0, bytes)));
  });
}
