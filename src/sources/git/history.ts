import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SourceError } from '../../core/errors.js';
import { COMMIT_FORMAT, PatchParser, type PatchedCommit, type RawEntry } from './patch.js';
import type { Repository } from './repo.js';
import { gitEnvironment, gitFailed, PINNED_CONFIG } from './run.js';

/**
 * The history to scan, as patches, oldest commit first. `git rev-list` lists
 * the commits (parents before children); the list is cut into contiguous
 * slices, and one `git log -p --no-walk` per slice computes their diffs at the
 * same time, one core each. Their output is parsed strictly in slice order,
 * so everything downstream sees one ordered history no matter how many
 * processes produced it.
 */

export interface HistoryOptions {
  /** Lines of context around changes (`git log -U`). */
  context: number;
  /** Blobs larger than this are treated as binary by git (`core.bigFileThreshold`) and never diffed. */
  maxFileSize: number;
  /** git processes computing diffs at once. */
  partitions: number;
  /** Fewest commits worth a process of their own. */
  minCommitsPerPartition?: number;
  wants: (entry: RawEntry, commit: PatchedCommit) => boolean;
  onCommit: (commit: PatchedCommit) => void;
}

/** Bytes read from a slice's output at a time. */
const READ_BYTES = 1024 * 1024;
/** How long to wait for a running git to write more. */
const POLL_MS = 2;

/** Commits in `revisions`, parents first. Synchronous: callers start git before compiling rules. */
export function listCommits(repo: Repository, revisions: readonly string[]): string[] {
  const args = ['rev-list', '--topo-order', '--reverse', ...revisions, '--'];
  const result = spawnSync('git', [...PINNED_CONFIG, ...args], { cwd: repo.cwd, env: gitEnvironment(repo.env), maxBuffer: 1 << 30 });
  if (result.error) throw new SourceError(`could not run git: ${result.error.message}`);
  if (result.status !== 0) throw gitFailed(args, result.stderr.toString('utf8'), result.status ?? -1);
  const text = result.stdout.toString('latin1').trim();
  return text ? text.split('\n') : [];
}

export function patchArguments(options: Pick<HistoryOptions, 'context' | 'maxFileSize'>): string[] {
  return [
    '-c', `core.bigFileThreshold=${Math.max(1, options.maxFileSize)}`,
    'log', '--stdin', '--no-walk=unsorted', COMMIT_FORMAT,
    '-p', '--raw', '-z', '--no-abbrev', '--full-index', `-U${options.context}`, '--root',
    '-M', '--diff-merges=dense-combined', '--diff-algorithm=myers',
    '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative',
  ];
}

/**
 * git processes computing the patches of `commits`, started at once. Each
 * writes to its own unlinked temporary file rather than a pipe, so none waits
 * for the reader: git works while keyhound compiles its rules, and slices
 * after the first run at full speed instead of filling memory. The files are
 * private (0600 in a 0700 folder) and unlinked as soon as git has them open,
 * since diffs hold the secrets being looked for.
 */
export class PatchRun {
  readonly partitions: number;
  private readonly slices: Slice[];
  private readonly folder: string | undefined;

  constructor(private readonly repo: Repository, commits: readonly string[], private readonly options: HistoryOptions) {
    const perPartition = options.minCommitsPerPartition ?? 1000;
    const count = Math.max(1, Math.min(options.partitions, Math.floor(commits.length / perPartition)));
    const size = Math.ceil(commits.length / count);
    const lists = Array.from({ length: count }, (_, i) => commits.slice(i * size, (i + 1) * size)).filter((list) => list.length > 0);
    this.partitions = lists.length;
    this.folder = lists.length > 0 ? mkdtempSync(path.join(tmpdir(), 'keyhound-git-')) : undefined;
    this.slices = lists.map((list, index) => new Slice(repo, patchArguments(options), path.join(this.folder!, `patches-${index}`), list));
  }

  /** Parses every slice in order, handing each commit to `onCommit`. */
  async read(): Promise<void> {
    const parser = new PatchParser({ headers: true, wants: this.options.wants }, this.options.onCommit);
    try {
      for (const slice of this.slices) await slice.drain((chunk) => parser.push(chunk));
      parser.end();
    } finally {
      this.close();
    }
  }

  /** Stops the processes (if still running) and removes the files. */
  close(): void {
    for (const slice of this.slices) slice.close();
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
  }
}

class Slice {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly fd: number;
  private position = 0;
  private exit: { code: number | null; error?: Error } | undefined;
  private readonly stderr: Buffer[] = [];
  private closed = false;

  constructor(repo: Repository, private readonly args: string[], file: string, commits: readonly string[]) {
    this.fd = openSync(file, 'w+', 0o600);
    this.child = spawn('git', [...PINNED_CONFIG, ...args], { cwd: repo.cwd, env: gitEnvironment(repo.env), stdio: ['pipe', this.fd, 'pipe'] }) as ChildProcessWithoutNullStreams;
    try {
      unlinkSync(file);
    } catch {
      // Windows cannot unlink an open file; close() removes the folder.
    }
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    this.child.on('error', (error) => (this.exit = { code: null, error }));
    this.child.on('close', (code) => (this.exit ??= { code }));
    this.child.stdin.on('error', () => {});
    this.child.stdin.end(`${commits.join('\n')}\n`);
  }

  /** Feeds the output as git writes it, until git is done. `feed` must not keep the chunk it is given (it is reused). */
  async drain(feed: (chunk: Buffer) => void): Promise<void> {
    // One buffer for every read: `feed` copies what it keeps. A fresh megabyte
    // per read is external memory, and V8 answers its growth with a young-
    // generation collection about every 30 ms (some 150 ms over a big history).
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    for (;;) {
      const exited = this.exit !== undefined;
      const n = readSync(this.fd, buffer, 0, READ_BYTES, this.position);
      if (n > 0) {
        this.position += n;
        feed(buffer.subarray(0, n));
        continue;
      }
      // Everything git wrote before it exited has been read.
      if (exited) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const exit = this.exit!;
    if (exit.error) throw new SourceError(`could not run git: ${exit.error.message}`);
    if (exit.code !== 0) throw gitFailed(this.args.filter((a) => a !== '-c' && !a.startsWith('core.')), Buffer.concat(this.stderr).toString('utf8'), exit.code ?? -1);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.exit === undefined) this.child.kill();
    closeSync(this.fd);
  }
}
