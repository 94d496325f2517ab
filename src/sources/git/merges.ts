import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { SourceError } from '../../core/errors.js';
import { CatFileReader } from './catfile.js';
import { linesNewInMerge, mergeHunks } from './merge-lines.js';
import { COMMIT_FORMAT, PatchParser, type FilePatch, type PatchedCommit, type RawEntry } from './patch.js';
import type { Repository } from './repo.js';
import { gitFailed, spawnGit } from './run.js';
import { TreeLookup } from './tree-lookup.js';

/**
 * What merges (and root commits) wrote themselves, without asking git for
 * combined diffs or for the patch of a whole tree.
 *
 * A combined diff costs git a tree diff against every parent of every merge,
 * and on a merge-heavy history (git/git: a topic branch forked from an old
 * master) the tree diff against the second parent lists thousands of paths:
 * four times the cost of every other commit's diff together. Instead, each
 * merge's changes against its first parent are listed (`--raw`, no content:
 * cheap), and a changed path is the merge's own only when its version
 * differs from every other parent's too (looked up by `parent:path`).
 * Content a merged branch brought in is the branch's, attributed where the
 * branch introduced it. Only for a version the merge made (a conflict
 * resolution, an "evil" merge) are the versions read and compared: its lines
 * that no parent has are what the merge added.
 *
 * A root commit is a merge of no parents: every file is its own and every
 * line new. Read this way, only the blobs no other commit introduced are
 * read (once each, from `cat-file`), where `git log -p` prints every file of
 * every root: a shallow clone has one root per boundary commit (63 on the
 * benchmark history, 2.5 GB of patch text for 48 MB of tree).
 */

/** A merge or root commit in the scanned list: its sha and position in history order. */
export interface MergeRef {
  sha: string;
  index: number;
}

export interface MergeHandler {
  /** Asked once per file version a merge made: read it? (The history scan's `wants`: once per blob, first introduction.) */
  wants(entry: RawEntry, commit: PatchedCommit): boolean;
  /** The merge's own lines of a wanted version as hunks, or `binary` for a version git would show as binary. */
  onFile(file: FilePatch, commit: PatchedCommit): void;
  /** A wanted version the repository does not have (a partial clone). */
  onMissing(entry: RawEntry, commit: PatchedCommit): void;
}

export interface MergeOptions {
  /** Lines of unchanged context around new lines. */
  context: number;
  /** Versions larger than this are binary, as git's `core.bigFileThreshold` makes them. */
  maxFileSize: number;
}

/** What the merge pass did, for the scan's stats. */
export interface MergeStats {
  /** Merges and roots read. */
  commits: number;
  /** File versions merges made themselves (their own, not a parent's). */
  ownVersions: number;
  /** Of those, versions first introduced by the merge and compared with the parents' versions. */
  compared: number;
}

/** git, like `buffer_is_binary`, looks for a NUL in the first 8,000 bytes. */
const BINARY_SNIFF = 8000;
const isNull = (id: string): boolean => /^0+$/.test(id);

/** Reads `merges` (in history order) and hands each version a merge made to `handler`. */
export async function readMerges(
  repo: Repository,
  merges: readonly MergeRef[],
  options: MergeOptions,
  handler: MergeHandler,
): Promise<MergeStats> {
  const stats: MergeStats = { commits: merges.length, ownVersions: 0, compared: 0 };
  if (merges.length === 0) return stats;
  const child = spawnGit(
    [
      'log',
      '--stdin',
      '--no-walk=unsorted',
      COMMIT_FORMAT,
      '--raw',
      '-z',
      '--no-abbrev',
      '--no-renames',
      '--root',
      '--diff-merges=first-parent',
    ],
    { cwd: repo.cwd, env: repo.env },
  );
  const exited = exitOf(child);
  child.stdin.on('error', () => {});
  child.stdin.end(`${merges.map((merge) => merge.sha).join('\n')}\n`);
  const lookup = new TreeLookup(repo);
  const reader = new CatFileReader(repo);
  const parsed: PatchedCommit[] = [];
  const parser = new PatchParser({ headers: true, text: false }, (commit) => parsed.push(commit));
  let next = 0;
  const drain = async (): Promise<void> => {
    while (parsed.length > 0) {
      const commit = parsed.shift()!;
      const merge = merges[next++];
      if (!merge || commit.info?.sha !== merge.sha)
        throw new SourceError(`git log listed merge ${commit.info?.sha} where ${merge?.sha ?? 'nothing'} was expected`);
      commit.index = merge.index;
      await readMerge(commit, { lookup, reader, options, handler, stats });
    }
  };
  try {
    for await (const chunk of child.stdout) {
      parser.push(chunk as Buffer);
      await drain();
    }
    parser.end();
    await drain();
    await exited;
    if (next !== merges.length) throw new SourceError(`git log listed ${next} of ${merges.length} merges`);
  } finally {
    if (child.exitCode === null) child.kill();
    lookup.close();
    reader.close();
  }
  return stats;
}

interface MergeContext {
  lookup: TreeLookup;
  reader: CatFileReader;
  options: MergeOptions;
  handler: MergeHandler;
  stats: MergeStats;
}

async function readMerge(commit: PatchedCommit, { lookup, reader, options, handler, stats }: MergeContext): Promise<void> {
  const others = commit.parents.slice(1);
  const changed = commit.entries.filter((entry) => entry.status !== 'D' && !isNull(entry.newId));
  if (changed.length === 0) return;
  // The other parents' versions of each changed path (a root has none).
  const theirs = others.length > 0 ? await lookup.find(changed.flatMap((entry) => others.map((rev) => ({ rev, path: entry.path })))) : [];
  const wanted: { entry: RawEntry; parentIds: (string | undefined)[] }[] = [];
  for (const [i, entry] of changed.entries()) {
    const parentIds = [isNull(entry.oldId) ? undefined : entry.oldId];
    for (let k = 0; k < others.length; k++) {
      const info = theirs[i * others.length + k];
      // Not a blob (absent, a tree): it knows none of the merge's lines.
      parentIds.push(info?.type === 'blob' ? info.id : undefined);
    }
    // The merge took this version from a parent: the parent's history introduced it.
    if (parentIds.includes(entry.newId)) continue;
    stats.ownVersions++;
    if (handler.wants(entry, commit)) wanted.push({ entry, parentIds });
  }
  if (wanted.length === 0) return;
  stats.compared += wanted.length;
  const sizes = await lookup.find(wanted.flatMap(({ entry, parentIds }) => [entry.newId, ...parentIds]));
  const width = others.length + 2;
  for (const [i, { entry, parentIds }] of wanted.entries()) {
    const [own, ...parents] = sizes.slice(i * width, (i + 1) * width);
    if (!own) {
      handler.onMissing(entry, commit);
      continue;
    }
    if (own.size > options.maxFileSize) {
      handler.onFile({ entry, binary: true, hunks: [] }, commit);
      continue;
    }
    // A parent's version too large to read knows none of the merge's lines (so they are all scanned).
    const readable = parentIds.map((id, k) => (id && parents[k] && parents[k].size <= options.maxFileSize ? id : undefined));
    reader.request([entry.newId, ...readable.filter((id): id is string => id !== undefined)]);
    const merged = await reader.next();
    const versions: (Buffer | undefined)[] = [];
    for (const id of readable) versions.push(id ? (await reader.next()).data : undefined);
    if (!merged.data) {
      handler.onMissing(entry, commit);
      continue;
    }
    if (merged.data.subarray(0, BINARY_SNIFF).includes(0)) {
      handler.onFile({ entry, binary: true, hunks: [] }, commit);
      continue;
    }
    const added = linesNewInMerge(merged.data, versions);
    handler.onFile({ entry, binary: false, hunks: mergeHunks(merged.data, added, options.context) }, commit);
  }
}

/** Resolves when git exits cleanly; rejects with git's message otherwise. */
function exitOf(child: ChildProcessWithoutNullStreams): Promise<void> {
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject(new SourceError(`could not run git: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(gitFailed(['log', '--diff-merges=first-parent'], Buffer.concat(stderr).toString('utf8'), code ?? -1));
    });
  });
  done.catch(() => {});
  return done;
}
