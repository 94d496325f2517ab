import type { Chunk, LineRange, Origin, ScanResult, SkipReason } from '../core/types.js';
import type { FileEntry } from './fs.js';
import type { SourceKind } from './index.js';

/**
 * Sources: where text comes from. Every input keyhound reads (files and
 * folders, standard input, git history, staged changes, a pull request through
 * the API, remote repositories) is a {@link Source}. A source knows nothing of
 * rules or engines: it hands text to the {@link ScanContext} the runner gives
 * it (src/scan/runner.ts), which owns the engine, the threads, the time budget
 * and the accounting of what was and was not scanned.
 */

/**
 * A unit of work that may run on another thread (so it is plain data): a file
 * to read, or bytes already read (standard input, a blob). Either is decoded
 * the same way (binary sniffing, encodings) where it is scanned.
 */
export type Task = { kind: 'file'; entry: FileEntry } | { kind: 'bytes'; bytes: Uint8Array; origin: Origin; lines?: LineRange[] };

/**
 * What became of a task. `encoding` of a scanned one: its text encoding
 * (`gzip/utf8` when decompressed first), or `binary` when only its printable
 * runs were scanned, with the cheap, certain rules (sources/decode.ts). A
 * skipped task may still carry what was found before it stopped (`result`,
 * after a timeout), and a `detail` where there is more to say (a
 * decompression bomb's ratio).
 */
export type TaskOutcome =
  | { kind: 'scanned'; path: string; bytes: number; result: ScanResult; encoding: string }
  | { kind: 'skipped'; path: string; reason: SkipReason; detail?: string; result?: ScanResult };

/** What became of text scanned on this thread: its result, and `skipped` when the scan did not finish (the result is then partial). */
export interface ChunkOutcome {
  result: ScanResult;
  skipped?: SkipReason;
}

/** What a source tells the progress line: items done (files, commits, repositories), of how many when known, and bytes. */
export interface ProgressUpdate {
  /** Items finished since the last update. */
  done?: number;
  /** More items now known to come. */
  total?: number;
  /** Bytes scanned since the last update. */
  bytes?: number;
  /** Findings made since the last update. */
  findings?: number;
  /** Blobs (file versions) read since the last update, where items are commits. */
  blobs?: number;
}

/** What a source may do while it reads. */
export interface ScanContext {
  /** Tasks worth keeping submitted at once to keep every thread busy. */
  readonly parallelism: number;
  /** Bytes that tasks carrying their bytes (blobs) may hold at once: the memory bound when they are large. */
  readonly bytesInFlight: number;
  /** Scans a task, on a worker thread when the run has them. Nothing is counted until the source {@link settle}s the outcome. */
  task(task: Task): Promise<TaskOutcome>;
  /**
   * Counts a task's outcome (scanned, or skipped and why; `--verbose` lists it),
   * moves the progress line, and hands its findings on as final. Sources settle
   * outcomes in their own order (listing order), so logs and streamed output do
   * not depend on which thread finished first.
   */
  settle(outcome: TaskOutcome): void;
  /** Counts a task's outcome as {@link settle} does, without handing its findings on (a source that keeps them itself). */
  account(outcome: TaskOutcome): void;
  /** Resolves once this thread can scan text ({@link text}): rules compiled, vocabulary loaded. */
  ready(): Promise<void>;
  /**
   * Scans text on this thread, now. A scan that runs past the time budget is
   * counted as skipped (`timeout`) by the runner; its partial result is returned.
   * Scanned text is not counted: a file may be several chunks, so the source
   * calls {@link scanned} once per input.
   */
  text(chunk: Chunk): ChunkOutcome;
  /** An input scanned through {@link text}: counted in `stats.files` and `stats.bytes`. */
  scanned(path: string, bytes: number): void;
  /** An input not scanned, and why (`key`: counts it once however often it is reported, e.g. a blob id). */
  skipped(path: string, reason: SkipReason, key?: string): void;
  /** An input that could not be read at all (a repository that failed to clone). */
  failed(input: string, reason: string): void;
  /** Findings that will not change: the runner's per-finding steps run and streaming outputs get them now. */
  found(result: ScanResult): void;
  /**
   * Told that `tasks` more tasks are coming (a listed folder), and when known
   * how many bytes they will read, so worker threads start early, or not at
   * all for a job too small to pay for them.
   */
  expect(tasks: number, bytes?: number): void;
  progress(update: ProgressUpdate): void;
}

/** Counts a source adds to `stats` (commits, blobs, ...). */
export type SourceStats = Record<string, unknown>;

export interface Source {
  /** Which registered kind this is (sources/index.ts). */
  readonly kind: SourceKind;
  /** Absolute folder that finding paths are relative to (the scanned folder, the repository's top level). */
  readonly root: string;
  /** What the progress line counts: `files`, `commits`, `repositories`. */
  readonly unit: string;
  /**
   * Whether findings are final as {@link ScanContext.found} hands them on
   * (files), so outputs may stream them; history keeps the earliest of several
   * and hands them on at the end.
   */
  readonly streams: boolean;
  /** The engine must collect dropped candidates (history re-checks where a `near` partner was missing). */
  readonly needsExplain?: boolean;
  /** Starts work that needs no engine (git computing diffs) while the rules compile. */
  start?(): Promise<void>;
  /** Reads and scans every input through `context`; returns counts for `stats`. */
  read(context: ScanContext): Promise<SourceStats>;
  /** Stops what {@link start} began, when the run fails before {@link read}. */
  abort?(): void;
}
