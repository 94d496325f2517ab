import type { CommitInfo } from '../../core/types.js';
import type { Repository } from './repo.js';
import { gitFailed, spawnGit } from './run.js';

/**
 * One pass of `git log --raw -z` over the history to scan: every commit with
 * its author and message, and for each path it changed the blob before and
 * after. No file contents cross the pipe here; that is cat-file's job.
 */

/** One line of `--raw` output: a path a commit changed. */
export interface RawEntry {
  /** `A`dded, `M`odified, `D`eleted, `R`enamed, `C`opied, `T`ype changed. */
  status: string;
  oldMode: string;
  newMode: string;
  /** All zeros for an added path. */
  oldId: string;
  /** All zeros for a deleted path. */
  newId: string;
  path: string;
  /** The source path of a rename or copy. */
  oldPath?: string;
}

export interface LogCommit {
  info: CommitInfo;
  parents: string[];
  entries: RawEntry[];
}

/** Mode of a gitlink: a submodule's commit recorded in the tree. */
export const SUBMODULE_MODE = '160000';
export const SYMLINK_MODE = '120000';

const COMMIT_START = 0x01;
// %x01 marks a commit; fields are NUL-terminated. %B is the raw message (the
// first line is the subject as written, where %s would join a paragraph).
const FORMAT = '--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%B%x00';

/**
 * The `git log` arguments: `revisions` (e.g. `--all`, `main`, `A..B`, or a
 * list with `--not`), oldest commit first, parents before children, with
 * exact and content-similar renames, and merges diffed against their first
 * parent (what the merge brought to the branch it landed on).
 */
export function logArguments(revisions: readonly string[]): string[] {
  return [
    'log', FORMAT, '--raw', '--no-abbrev', '-z', '--reverse', '--topo-order', '-M', '--diff-merges=first-parent',
    '--no-relative', '--no-textconv', '--no-ext-diff', ...revisions, '--',
  ];
}

/** Incremental parser of `git log --raw -z` output with {@link FORMAT}. */
export class RawLogParser {
  private carry: Buffer | undefined;
  private current: LogCommit | undefined;
  /** Header fields still to read for the current commit (H, P, an, ae, aI, B). */
  private headerLeft = 0;
  private header: string[] = [];
  /** Meta of an entry whose path(s) are still to come. */
  private pending: { meta: string[]; pathsLeft: number; paths: string[] } | undefined;

  constructor(private readonly onCommit: (commit: LogCommit) => void) {}

  push(chunk: Buffer): void {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (let nul = data.indexOf(0, start); nul >= 0; nul = data.indexOf(0, start)) {
      this.token(data.subarray(start, nul));
      start = nul + 1;
    }
    this.carry = start < data.length ? Buffer.from(data.subarray(start)) : undefined;
  }

  end(): void {
    if (this.carry && this.carry.length > 0) {
      this.token(this.carry);
      this.carry = undefined;
    }
    this.flush();
  }

  private flush(): void {
    if (this.current) this.onCommit(this.current);
    this.current = undefined;
  }

  private token(raw: Buffer): void {
    if (this.headerLeft > 0) {
      this.header.push(raw.toString('utf8'));
      if (--this.headerLeft === 0) this.startCommit();
      return;
    }
    if (this.pending) {
      this.pending.paths.push(raw.toString('utf8'));
      if (--this.pending.pathsLeft === 0) this.finishEntry();
      return;
    }
    // Between records git writes newlines and empty fields; skip them.
    let at = 0;
    while (at < raw.length && (raw[at] === 0x0a || raw[at] === 0x0d)) at++;
    if (at === raw.length) return;
    if (raw[at] === COMMIT_START) {
      this.flush();
      this.header = [raw.subarray(at + 1).toString('utf8')];
      this.headerLeft = 5;
      return;
    }
    if (raw[at] === 0x3a /* ':' */ && this.current) {
      const meta = raw.subarray(at + 1).toString('latin1').split(' ');
      const status = meta[4] ?? '';
      this.pending = { meta, pathsLeft: status.startsWith('R') || status.startsWith('C') ? 2 : 1, paths: [] };
      return;
    }
    throw new Error(`unexpected git log output near "${raw.subarray(0, 40).toString('latin1')}"`);
  }

  private startCommit(): void {
    const [sha, parents, author, email, date, body] = this.header;
    const message = (body ?? '').replace(/^\s+/, '');
    const newline = message.indexOf('\n');
    this.current = {
      info: { sha: sha!, author: author!, email: email!, date: date!, message: (newline >= 0 ? message.slice(0, newline) : message).trimEnd() },
      parents: parents ? parents.split(' ') : [],
      entries: [],
    };
  }

  private finishEntry(): void {
    const { meta, paths } = this.pending!;
    this.pending = undefined;
    const [oldMode, newMode, oldId, newId, status] = meta;
    const entry: RawEntry = { status: status![0]!, oldMode: oldMode!, newMode: newMode!, oldId: oldId!, newId: newId!, path: paths[paths.length - 1]! };
    if (paths.length === 2) entry.oldPath = paths[0]!;
    this.current!.entries.push(entry);
  }
}

/** Runs the log pass and calls `onCommit` for each commit, oldest first. */
export function readLog(repo: Repository, revisions: readonly string[], onCommit: (commit: LogCommit) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = logArguments(revisions);
    const child = spawnGit(args, { cwd: repo.cwd, env: repo.env });
    const parser = new RawLogParser(onCommit);
    const err: Buffer[] = [];
    let failed: Error | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        parser.push(chunk);
      } catch (error) {
        failed = error as Error;
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.stdin.end();
    child.on('close', (code) => {
      if (failed) return reject(failed);
      if (code !== 0) return reject(gitFailed(args, Buffer.concat(err).toString('utf8'), code ?? -1));
      try {
        parser.end();
      } catch (error) {
        return reject(error);
      }
      resolve();
    });
  });
}
