import { isUtf8 } from 'node:buffer';
import type { CommitInfo, LineRange } from '../../core/types.js';

/** What the parser of `git log -p --raw -z` output (patch.ts) hands on. */

/** One `--raw` entry: a path a commit changed. */
export interface RawEntry {
  /** First letter of the status: `A`dded, `M`odified, `D`eleted, `R`enamed, `C`opied, `T`ype changed. */
  status: string;
  oldMode: string;
  newMode: string;
  /** The first parent's blob; all zeros for an added path. */
  oldId: string;
  /** All zeros for a deleted path. */
  newId: string;
  path: string;
  /** The source path of a rename or copy. */
  oldPath?: string;
}

export interface Hunk {
  /** Line number (new file) of the first line of `text`. */
  firstLine: number;
  /** Lines in `text`. */
  lineCount: number;
  /** The new side's lines, each ending in `\n`. */
  text: string;
  /** Added lines, 1-based, in the new file. */
  added: LineRange[];
}

export interface FilePatch {
  entry: RawEntry;
  /** Git said "Binary files ... differ" (also for blobs over `core.bigFileThreshold`). */
  binary: boolean;
  hunks: Hunk[];
}

export interface PatchedCommit {
  /** Absent for `git diff` output, which has no commit header. */
  info?: CommitInfo;
  /** The whole commit message (`info.message` is its first line); empty for `git diff` output. */
  fullMessage: string;
  /** Position of the commit in the list git was given (see {@link PatchParserOptions.firstIndex}); 0 for `git diff` output. */
  index: number;
  parents: string[];
  entries: RawEntry[];
  /** Patches the consumer asked for (see {@link PatchParserOptions.wants}). */
  files: FilePatch[];
}

export interface PatchParserOptions {
  /** Output starts with a commit header (`git log`); false for `git diff`. */
  headers: boolean;
  /** Whether to collect this file's hunks; asked once per patch, in output order. Default: every file. */
  wants?: (entry: RawEntry, commit: PatchedCommit) => boolean;
  /** Collect hunk text (false: added line ranges only). Default true. */
  text?: boolean;
  /** Index of the output's first commit, when it is one slice of a longer list. Default 0. */
  firstIndex?: number;
}

/** The `--format` the parser reads: `%x01` marks a commit; fields are NUL-terminated. */
export const COMMIT_FORMAT = '--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%B%x00';

/** A commit from our `--format` header fields: sha, parents, author name, email, ISO date, raw message. */
export function commitFromHeader(fields: readonly string[], index: number): PatchedCommit {
  const [sha, parents, author, email, date, body] = fields;
  const message = (body ?? '').replace(/^\s+/, '');
  const newline = message.indexOf('\n');
  return {
    info: {
      sha: sha!,
      author: author!,
      email: email!,
      date: date!,
      message: (newline >= 0 ? message.slice(0, newline) : message).trimEnd(),
    },
    fullMessage: message,
    index,
    parents: parents ? parents.split(' ') : [],
    entries: [],
    files: [],
  };
}

/** A raw entry from `:mode.. id.. status` fields (one more mode and id per extra parent) and its path(s). */
export function rawEntry(fields: readonly string[], parents: number, paths: readonly string[]): RawEntry {
  const entry: RawEntry = {
    status: fields[fields.length - 1]![0]!,
    oldMode: fields[0]!,
    newMode: fields[parents]!,
    oldId: fields[parents + 1]!,
    newId: fields[2 * parents + 1]!,
    path: paths[paths.length - 1]!,
  };
  if (paths.length === 2) entry.oldPath = paths[0]!;
  return entry;
}

/**
 * The new side of a two-way hunk from its body bytes (first kept line to
 * last): drop removed lines and "\\ No newline" notes when any came between
 * kept ones, strip the one-character prefixes. Done on the decoded text in
 * two regex passes, far cheaper than copying line by line. git counts lines
 * by `\n` only, the engine also by a lone `\r` (old Mac files): a lone `\r`
 * becomes a space so line numbers agree (no secret contains one, and offsets
 * stay put).
 */
export function newSideText(bytes: Buffer, prefixed: boolean, mixed: boolean): string {
  let text = bytes.toString(isUtf8(bytes) ? 'utf8' : 'latin1');
  if (prefixed) {
    if (mixed) text = text.replace(/^[-\\][^\n]*\n?/gm, '');
    text = text.replace(/^[+ ]/gm, '');
  }
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, ' ');
  return text;
}
