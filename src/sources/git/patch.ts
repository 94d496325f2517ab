import type { LineRange } from '../../core/types.js';
import {
  commitFromHeader,
  newSideText,
  rawEntry,
  type FilePatch,
  type PatchedCommit,
  type PatchParserOptions,
  type RawEntry,
} from './records.js';

export { COMMIT_FORMAT, type FilePatch, type Hunk, type PatchedCommit, type PatchParserOptions, type RawEntry } from './records.js';

/**
 * Incremental parser of `git log -p --raw -z` (and `git diff -p --raw -z`)
 * output. For each commit: its header (our `--format`, NUL-separated), its
 * `--raw` entries (NUL-separated, so any path survives), then its patches
 * (plain text lines). A patch is matched to its raw entry by the blob id on
 * its `index` line (`--full-index`), never by the quoted path in its header.
 *
 * Hunks come out as chunk material: the new side's lines (added and
 * context) as text, with the added lines as 1-based ranges of the new file.
 * Combined diffs of merges (`--diff-merges=dense-combined`) are read the same
 * way; there a line is added only when it is new against every parent.
 */

const LF = 0x0a;
const NUL = 0x00;
const COMMIT_START = 0x01;
const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;
const BACKSLASH = 0x5c;
const HEADER_FIELDS = 6;

type Mode = 'header' | 'raw' | 'patch';

/** A hunk being read. Its new side is cut out of the patch text at the end (see {@link PatchParser.finishHunk}). */
interface OpenHunk {
  firstLine: number;
  /** Line number of the next new-side line. */
  next: number;
  added: LineRange[];
  /** Offset in the current buffer of the first body line kept, or -1. */
  bodyStart: number;
  bodyEnd: number;
  /** Body bytes from buffers already let go of. */
  carry: Buffer[];
  /** A removed line or a "\ No newline" note came after the first kept line: they must be cut out. */
  mixed: boolean;
}

export class PatchParser {
  private buffer: Buffer = Buffer.alloc(0);
  private mode: Mode;
  private commit: PatchedCommit | undefined;
  private header: string[] = [];
  /** An entry whose path token(s) are still to come. */
  private pendingEntry: { fields: string[]; parents: number; paths: string[]; pathsLeft: number } | undefined;
  /** Raw entries not yet matched to a patch, by new blob id. */
  private unmatched = new Map<string, RawEntry[]>();
  // State of the patch being read.
  private file: FilePatch | undefined;
  private inHunks = false;
  /** Columns of +/-/space prefix: 1, or the number of parents in a combined diff. */
  private columns = 1;
  private hunk: OpenHunk | undefined;
  /** Combined diffs: the new side, copied line by line (they are rare). */
  private scratch: Buffer[] = [];
  /** True while the current patch is not wanted: its lines are read and dropped. */
  private skipping = true;
  private readonly wantsText: boolean;
  /** Index of the next commit header. */
  private nextIndex: number;

  constructor(
    private readonly options: PatchParserOptions,
    private readonly onCommit: (commit: PatchedCommit) => void,
  ) {
    this.mode = options.headers ? 'header' : 'raw';
    this.wantsText = options.text !== false;
    this.nextIndex = options.firstIndex ?? 0;
    if (!options.headers) this.commit = { fullMessage: '', index: 0, parents: [], entries: [], files: [] };
  }

  /** Parses what `chunk` completes. Whatever is kept (an unfinished record, a hunk's body so far) is copied: callers may reuse `chunk`. */
  push(chunk: Buffer): void {
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, chunk]) : chunk;
    let at = 0;
    for (;;) {
      if (this.mode === 'patch') {
        const next = this.patchLines(at);
        if (next < 0) {
          at = this.waitingAt;
          break;
        }
        at = next;
        continue;
      }
      const next = this.step(at);
      if (next < 0) break;
      at = next;
    }
    this.release(at);
  }

  end(): void {
    if (this.buffer.length > 0) {
      // The last line of the output may lack its newline.
      if (this.mode === 'patch') {
        const data = Buffer.concat([this.buffer, Buffer.from([LF])]);
        this.buffer = data;
        this.patchLines(0);
      } else this.push(Buffer.from([NUL]));
    }
    this.finishCommit();
    this.buffer = Buffer.alloc(0);
  }

  /** Keeps the unparsed rest of the buffer, and the open hunk's body read so far. */
  private release(at: number): void {
    const hunk = this.hunk;
    if (hunk && hunk.bodyStart >= 0) {
      hunk.carry.push(Buffer.from(this.buffer.subarray(hunk.bodyStart, hunk.bodyEnd)));
      hunk.bodyStart = -1;
    }
    this.buffer = at < this.buffer.length ? Buffer.from(this.buffer.subarray(at)) : Buffer.alloc(0);
  }

  /** Header and raw parts: one unit at `at`; returns where the next begins, or -1 when more input is needed. */
  private step(at: number): number {
    const data = this.buffer;
    if (at >= data.length) return -1;
    if (this.mode === 'raw' && !this.pendingEntry) {
      // Between records: skip separators, then look at what comes.
      let start = at;
      while (start < data.length && (data[start] === LF || data[start] === NUL)) start++;
      if (start >= data.length) return start > at ? start : -1;
      if (data[start] === COMMIT_START) {
        this.finishCommit();
        this.mode = 'header';
        return start;
      }
      if (data[start] !== 0x3a /* ':' */) {
        this.mode = 'patch';
        return start;
      }
      at = start;
    }
    const nul = data.indexOf(NUL, at);
    if (nul < 0) return -1;
    this.token(data, at, nul);
    return nul + 1;
  }

  /** Where patch text stopped for want of a whole line. */
  private waitingAt = 0;

  /** Patch text: whole lines from `at`; returns where the next part begins, or -1 (more input needed; see `waitingAt`). */
  private patchLines(at: number): number {
    const data = this.buffer;
    for (;;) {
      this.waitingAt = at;
      if (at >= data.length) return -1;
      const first = data[at]!;
      if (first === COMMIT_START) {
        this.finishCommit();
        this.mode = 'header';
        return at;
      }
      const newline = data.indexOf(LF, at);
      if (newline < 0) return -1;
      const hunk = this.hunk;
      if (hunk && this.columns === 1 && (first === PLUS || first === SPACE || first === MINUS || first === BACKSLASH)) {
        // The common case, kept tight: a body line of a two-way diff.
        if (first === PLUS || first === SPACE) {
          const line = hunk.next++;
          if (first === PLUS) {
            const last = hunk.added[hunk.added.length - 1];
            if (last && last.end === line - 1) last.end = line;
            else hunk.added.push({ start: line, end: line });
          }
          if (hunk.bodyStart < 0) hunk.bodyStart = at;
          hunk.bodyEnd = newline + 1;
        } else if (hunk.bodyStart >= 0 || hunk.carry.length > 0) hunk.mixed = true;
      } else if (this.inHunks && this.skipping && (first === PLUS || first === SPACE || first === MINUS || first === BACKSLASH)) {
        // A body line of a patch nobody wants.
      } else {
        this.line(data, at, newline);
      }
      at = newline + 1;
    }
  }

  private token(data: Buffer, from: number, to: number): void {
    if (this.mode === 'header') {
      const start = this.header.length === 0 && data[from] === COMMIT_START ? from + 1 : from;
      this.header.push(data.toString('utf8', start, to));
      if (this.header.length === HEADER_FIELDS) this.startCommit();
      return;
    }
    if (this.pendingEntry) {
      this.pendingEntry.paths.push(data.toString('utf8', from, to));
      if (--this.pendingEntry.pathsLeft === 0) this.finishEntry();
      return;
    }
    // A raw entry: ":mode mode id id status" (one more mode and id per extra parent: "::...").
    let colons = 0;
    while (data[from + colons] === 0x3a) colons++;
    const fields = data.toString('latin1', from + colons, to).split(' ');
    const status = fields[fields.length - 1] ?? '';
    const twoPaths = colons === 1 && (status.startsWith('R') || status.startsWith('C'));
    this.pendingEntry = { fields, parents: colons, paths: [], pathsLeft: twoPaths ? 2 : 1 };
  }

  private startCommit(): void {
    this.commit = commitFromHeader(this.header, this.nextIndex++);
    this.header = [];
    this.mode = 'raw';
  }

  private finishEntry(): void {
    const { fields, parents, paths } = this.pendingEntry!;
    this.pendingEntry = undefined;
    const entry = rawEntry(fields, parents, paths);
    this.commit!.entries.push(entry);
    const list = this.unmatched.get(entry.newId);
    if (list) list.push(entry);
    else this.unmatched.set(entry.newId, [entry]);
  }

  private finishCommit(): void {
    this.finishFile();
    if (this.commit) this.onCommit(this.commit);
    this.commit = undefined;
    this.unmatched = new Map();
  }

  private finishFile(): void {
    this.finishHunk();
    this.file = undefined;
    this.inHunks = false;
  }

  /** One line of patch text, `[from, to)` without its newline. */
  private line(data: Buffer, from: number, to: number): void {
    const first = data[from];
    if (first === 0x64 /* d */ && startsWith(data, from, to, 'diff ')) {
      this.finishFile();
      this.columns = startsWith(data, from, to, 'diff --git ') ? 1 : 0;
      this.skipping = true;
      return;
    }
    if (!this.inHunks) {
      if (first === 0x69 /* i */ && startsWith(data, from, to, 'index ')) this.index(data, from + 6, to);
      else if (first === 0x42 /* B */ && startsWith(data, from, to, 'Binary files ')) {
        if (this.file) this.file.binary = true;
      } else if (first === 0x40 /* @ */) this.hunkHeader(data, from, to);
      return;
    }
    if (first === 0x40) {
      this.hunkHeader(data, from, to);
      return;
    }
    if (this.skipping || !this.hunk) return;
    this.combinedLine(data, from, to);
  }

  /** `index <old>[,<old2>...]..<new>[ <mode>]`: the new blob id names the raw entry. */
  private index(data: Buffer, from: number, to: number): void {
    const text = data.toString('latin1', from, to);
    const dots = text.indexOf('..');
    if (dots < 0) return;
    const space = text.indexOf(' ', dots);
    const newId = text.slice(dots + 2, space < 0 ? undefined : space);
    const candidates = this.unmatched.get(newId);
    const entry = candidates?.shift();
    if (!entry || !this.commit) return;
    if (this.columns === 0) this.columns = Math.max(1, (text.slice(0, dots).match(/,/g)?.length ?? 0) + 1);
    const wanted = this.options.wants ? this.options.wants(entry, this.commit) : true;
    if (!wanted) return;
    this.file = { entry, binary: false, hunks: [] };
    this.commit.files.push(this.file);
    this.skipping = false;
  }

  /**
   * `@@ -a,b +c,d @@` (or `@@@ -a,b -c,d +e,f @@@`): the new side starts at
   * line c. Read from the bytes: there is one per hunk, and a string and a
   * regex match each were a tenth of what the history scan allocated.
   */
  private hunkHeader(data: Buffer, from: number, to: number): void {
    this.finishHunk();
    this.inHunks = true;
    if (this.skipping || !this.file) return;
    const plus = data.indexOf(PLUS, from);
    if (plus < 0 || plus >= to) return;
    let start = 0;
    let at = plus + 1;
    for (; at < to && data[at]! >= 0x30 && data[at]! <= 0x39; at++) start = start * 10 + (data[at]! - 0x30);
    if (at === plus + 1) return;
    this.hunk = { firstLine: start, next: start, added: [], bodyStart: -1, bodyEnd: -1, carry: [], mixed: false };
  }

  /** A body line of a combined diff: new when no parent had it, kept when no column says removed. */
  private combinedLine(data: Buffer, from: number, to: number): void {
    const hunk = this.hunk!;
    const columns = this.columns;
    if (data[from] === BACKSLASH) return;
    let added = true;
    for (let i = 0; i < columns; i++) {
      const c = data[from + i];
      if (c === MINUS) return; // not in the new file
      if (c !== PLUS) added = false;
    }
    const line = hunk.next++;
    if (added) {
      const last = hunk.added[hunk.added.length - 1];
      if (last && last.end === line - 1) last.end = line;
      else hunk.added.push({ start: line, end: line });
    }
    if (this.wantsText) this.scratch.push(Buffer.from(data.subarray(from + columns, to + 1)));
  }

  /** Ends the open hunk: its new side as text (see `newSideText`) and its added lines. */
  private finishHunk(): void {
    const hunk = this.hunk;
    this.hunk = undefined;
    if (!hunk || !this.file || hunk.added.length === 0) {
      this.scratch = [];
      return;
    }
    let text = '';
    if (this.wantsText) {
      let bytes: Buffer;
      if (this.columns !== 1) bytes = Buffer.concat(this.scratch);
      else {
        const tail = hunk.bodyStart >= 0 ? this.buffer.subarray(hunk.bodyStart, hunk.bodyEnd) : Buffer.alloc(0);
        bytes = hunk.carry.length > 0 ? Buffer.concat([...hunk.carry, tail]) : tail;
      }
      text = newSideText(bytes, this.columns === 1, hunk.mixed);
    }
    this.scratch = [];
    this.file.hunks.push({ firstLine: hunk.firstLine, lineCount: hunk.next - hunk.firstLine, text, added: hunk.added });
  }
}

function startsWith(data: Buffer, from: number, to: number, prefix: string): boolean {
  if (to - from < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (data[from + i] !== prefix.charCodeAt(i)) return false;
  return true;
}
