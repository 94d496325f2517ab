import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SourceError } from '../../core/errors.js';
import { COMMIT_FORMAT, PatchParser, type PatchedCommit, type RawEntry } from './patch.js';
import type { Repository } from './repo.js';
import { gitEnvironment, gitFailed, PINNED_CONFIG, runGit } from './run.js';

/**
 * The history to scan, as patches. `git rev-list` lists the commits (parents
 * before children); the list is cut into contiguous slices, and one `git log
 * -p --no-walk` per slice computes their diffs at the same time, one core
 * each. Within a slice commits come oldest first, so a blob that two of its
 * commits introduce is scanned once, at the first. Slices interleave:
 * whatever any slice has written is parsed at once (the earliest slice
 * first), so keyhound never waits on one git while another's output piles
 * up. Commits therefore arrive out of history order across slices; each
 * carries its position in the list (`PatchedCommit.index`), by which
 * consumers order what they keep (see `StartedHistoryScan`).
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
  /** Asked once per patch: read its hunks? `commit.index` is the commit's position in the list. */
  wants: (entry: RawEntry, commit: PatchedCommit) => boolean;
  onCommit: (commit: PatchedCommit) => void;
}

/** Bytes read from a slice's output at a time. */
const READ_BYTES = 1024 * 1024;
/** How long to wait for a running git to write more. */
const POLL_MS = 2;

/** Commits in `revisions`, parents first. Start it early: git lists them while keyhound sets up. */
export async function listCommits(repo: Repository, revisions: readonly string[]): Promise<string[]> {
  const result = await runGit(['rev-list', '--topo-order', '--reverse', ...revisions, '--'], { cwd: repo.cwd, env: repo.env });
  const text = result.stdout.toString('latin1').trim();
  return text ? text.split('\n') : [];
}

/** Root commits (no parents) among `revisions`: read apart from the patches (merges.ts). */
export async function listRoots(repo: Repository, revisions: readonly string[]): Promise<Set<string>> {
  const result = await runGit(['rev-list', '--max-parents=0', ...revisions, '--'], { cwd: repo.cwd, env: repo.env });
  return new Set(result.stdout.toString('latin1').split('\n').filter(Boolean));
}

export function patchArguments(options: Pick<HistoryOptions, 'context' | 'maxFileSize'>): string[] {
  return [
    '-c',
    `core.bigFileThreshold=${Math.max(1, options.maxFileSize)}`,
    // Root commits, like merges, are read apart (merges.ts): their patch is the whole tree.
    '-c',
    'log.showRoot=false',
    'log',
    '--stdin',
    '--no-walk=unsorted',
    COMMIT_FORMAT,
    '-p',
    '--raw',
    '-z',
    '--no-abbrev',
    '--full-index',
    `-U${options.context}`,
    '-M',
    // Merges are read apart, without combined diffs (merges.ts).
    '--diff-merges=off',
    '--diff-algorithm=myers',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-relative',
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

  constructor(
    private readonly repo: Repository,
    private readonly commits: readonly string[],
    private readonly options: HistoryOptions,
  ) {
    const perPartition = options.minCommitsPerPartition ?? 1000;
    const count = Math.max(1, Math.min(options.partitions, Math.floor(commits.length / perPartition)));
    const size = Math.ceil(commits.length / count);
    const lists = Array.from({ length: count }, (_, i) => commits.slice(i * size, (i + 1) * size)).filter((list) => list.length > 0);
    this.partitions = lists.length;
    this.folder = lists.length > 0 ? mkdtempSync(path.join(tmpdir(), 'keyhound-git-')) : undefined;
    this.slices = lists.map(
      (list, index) => new Slice(repo, patchArguments(options), path.join(this.folder!, `patches-${index}`), list, index * size),
    );
  }

  /**
   * Parses every slice, handing each commit to `onCommit` as soon as its
   * patch is complete: within a slice oldest first, across slices in no
   * fixed order. The earliest slice with output waiting goes first, so a
   * later slice runs ahead only while the earlier ones have nothing to give.
   */
  async read(): Promise<void> {
    // One buffer for every read: the parsers copy what they keep. A fresh
    // megabyte per read is external memory, and V8 answers its growth with a
    // young-generation collection about every 30 ms.
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    const onCommit = (commit: PatchedCommit): void => {
      // Positions are counted, so they must be git's own order back.
      if (commit.info?.sha !== this.commits[commit.index])
        throw new SourceError(`git log listed commit ${commit.info?.sha} where ${this.commits[commit.index]} was expected`);
      this.options.onCommit(commit);
    };
    const open = this.slices.map((slice) => ({
      slice,
      parser: new PatchParser({ headers: true, wants: this.options.wants, firstIndex: slice.firstIndex }, onCommit),
    }));
    try {
      while (open.length > 0) {
        let progressed = false;
        for (let i = 0; i < open.length; i++) {
          const { slice, parser } = open[i]!;
          const read = slice.read(buffer);
          if (read === 'done') {
            parser.end();
            open.splice(i, 1);
            progressed = true;
            break;
          }
          if (read > 0) {
            parser.push(buffer.subarray(0, read));
            progressed = true;
            break;
          }
        }
        if (!progressed) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
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

  /** `firstIndex`: the position of the first of `commits` in the whole list. */
  constructor(
    repo: Repository,
    private readonly args: string[],
    file: string,
    commits: readonly string[],
    readonly firstIndex: number,
  ) {
    this.fd = openSync(file, 'w+', 0o600);
    this.child = spawn('git', [...PINNED_CONFIG, ...args], {
      cwd: repo.cwd,
      env: gitEnvironment(repo.env),
      stdio: ['pipe', this.fd, 'pipe'],
    }) as ChildProcessWithoutNullStreams;
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

  /**
   * Reads what git has written since the last call into `buffer`: the byte
   * count (0 while git is still working), or 'done' once git has exited and
   * everything it wrote has been read. Throws if git failed.
   */
  read(buffer: Buffer): number | 'done' {
    const exited = this.exit !== undefined;
    const n = readSync(this.fd, buffer, 0, buffer.length, this.position);
    if (n > 0) {
      this.position += n;
      return n;
    }
    // Everything git wrote before it exited has been read.
    if (!exited) return 0;
    const exit = this.exit!;
    if (exit.error) throw new SourceError(`could not run git: ${exit.error.message}`);
    if (exit.code !== 0)
      throw gitFailed(
        this.args.filter((a) => a !== '-c' && !a.startsWith('core.')),
        Buffer.concat(this.stderr).toString('utf8'),
        exit.code ?? -1,
      );
    return 'done';
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.exit === undefined) this.child.kill();
    closeSync(this.fd);
  }
}
