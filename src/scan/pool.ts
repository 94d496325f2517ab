import { Worker } from 'node:worker_threads';
import type { RuleSpec } from '../core/types.js';
import { DEFAULT_BUDGET_MS, Engine, type EngineOptions } from '../detect/engine.js';
import { PIECE_BYTES, runTask, type Outcome, type Task } from './task.js';
import type { WorkerSetup } from './worker.js';

/** Runs scanning tasks; the pipelines do not care whether on this thread or on many. */
export interface Scanner {
  readonly threads: number;
  /** Told how many more tasks are coming, when a source knows (a listed folder). */
  expect?(tasks: number): void;
  run(task: Task): Promise<Outcome>;
  close(): Promise<void>;
}

/** Scans on the calling thread: no start-up cost, for small jobs (`staged`, one file). */
export class InlineScanner implements Scanner {
  readonly threads = 1;

  constructor(private readonly engine: Engine) {}

  async run(task: Task): Promise<Outcome> {
    return runTask(this.engine, task);
  }

  async close(): Promise<void> {}
}

interface Pending {
  task: Task;
  resolve: (outcome: Outcome) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to this thread and not answered yet, oldest first. */
  inflight: { id: number; pending: Pending }[];
}

/**
 * Tasks sent to a thread ahead of its answers. With one, a thread idles for a
 * message round trip after each file (a third of its time on a tree of small
 * files); with two, the next file is already waiting.
 */
const PIPELINE = 2;

/** Where the bundled worker script is; set by the entry point (bin.ts, the Action), which knows its own folder. */
let workerScript: URL | undefined;
export function setWorkerScript(url: URL): void {
  workerScript = url;
}
export function workerScriptAvailable(): boolean {
  return workerScript !== undefined;
}

/**
 * A pool of scanning threads. Each builds its own engine once; tasks go to the
 * first idle thread. The engine keeps each chunk to its time budget itself
 * (engine.ts); as a backstop, a task that runs well past the budget of all
 * its pieces (or a thread stuck anywhere else) gets its thread terminated and
 * replaced, and is reported as skipped with reason `timeout`, so no single
 * file can stall a scan.
 */
export class WorkerPool implements Scanner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly threads: number,
    private readonly setup: WorkerSetup,
    /** Fixed limit per task; default: derived from the engine's budget and the task's size ({@link backstopMs}). */
    private readonly taskTimeoutMs?: number,
  ) {
    if (!workerScript) throw new Error('WorkerPool needs setWorkerScript() from the entry point');
    for (let i = 0; i < threads; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(workerScript!, { workerData: this.setup });
    const slot: Slot = { worker, inflight: [] };
    worker.on('message', (message: { id: number; outcome: Outcome }) => {
      const index = slot.inflight.findIndex((entry) => entry.id === message.id);
      if (index < 0) return;
      const [done] = slot.inflight.splice(index, 1);
      clearTimeout(done!.pending.timer);
      done!.pending.resolve(message.outcome);
      this.dispatch();
    });
    worker.on('error', (error) => this.fail(slot, 'worker-error', error));
    return slot;
  }

  /**
   * A thread died or hung: the task it was on (the oldest sent) is skipped
   * (never silently), the tasks waiting behind it go back to the queue, and a
   * fresh thread takes its place.
   */
  private fail(slot: Slot, reason: string, _error?: unknown): void {
    const [running, ...waiting] = slot.inflight;
    slot.inflight = [];
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0 && !this.closed) this.slots[index] = this.spawn();
    for (const entry of [running, ...waiting]) if (entry) clearTimeout(entry.pending.timer);
    this.queue.unshift(...waiting.map((entry) => entry.pending));
    if (running) {
      const path = running.pending.task.kind === 'file' ? running.pending.task.entry.path : running.pending.task.origin.path;
      running.pending.resolve({ kind: 'skipped', path, reason });
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.inflight.length < PIPELINE && this.queue.length > 0) this.send(slot, this.queue.shift()!);
    }
  }

  private send(slot: Slot, pending: Pending): void {
    const id = this.nextId++;
    slot.inflight.push({ id, pending });
    // A task may wait behind the ones sent before it, so its limit covers theirs too.
    const limit = this.taskTimeoutMs ?? backstopMs(pending.task, this.setup.options.budgetMs ?? DEFAULT_BUDGET_MS);
    if (limit > 0) pending.timer = setTimeout(() => this.fail(slot, 'timeout'), limit * PIPELINE);
    const transfer = pending.task.kind === 'bytes' && pending.task.bytes.byteOffset === 0 && pending.task.bytes.buffer.byteLength === pending.task.bytes.byteLength
      ? [pending.task.bytes.buffer as ArrayBuffer]
      : [];
    slot.worker.postMessage({ id, task: pending.task }, transfer);
  }

  run(task: Task): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}

/** Twice the budget of every piece a task may be scanned in, plus reading time; 0 (no limit) when the budget is off. */
export function backstopMs(task: Task, budgetMs: number): number {
  if (!(budgetMs > 0)) return 0;
  const size = task.kind === 'file' ? task.entry.size : task.bytes.byteLength;
  return 2 * budgetMs * (Math.ceil(size / PIECE_BYTES) + 1) + 10_000;
}

/**
 * Starts on this thread and brings in a pool of threads only once the job
 * proves big enough to pay for their start-up (each builds its own engine):
 * scanning one file or a small commit never starts a thread.
 */
export class AdaptiveScanner implements Scanner {
  private inline?: InlineScanner;
  private pool?: WorkerPool;
  private tasks = 0;
  private bytes = 0;

  constructor(
    readonly threads: number,
    private readonly rules: readonly RuleSpec[],
    private readonly options: EngineOptions,
    private readonly threshold = { tasks: 32, bytes: 4 * 1024 * 1024 },
  ) {}

  /**
   * A folder listed with more files than the threshold goes to the pool from
   * the start, so this thread never builds an engine (memory) it would not use.
   */
  expect(tasks: number): void {
    if (!this.pool && !this.inline && tasks > this.threshold.tasks) this.startPool();
  }

  private startPool(): WorkerPool {
    this.pool = new WorkerPool(this.threads, { rules: [...this.rules], options: this.options });
    return this.pool;
  }

  run(task: Task): Promise<Outcome> {
    this.tasks++;
    this.bytes += task.kind === 'file' ? task.entry.size : task.bytes.byteLength;
    if (!this.pool && (this.tasks > this.threshold.tasks || this.bytes > this.threshold.bytes)) this.startPool();
    if (this.pool) return this.pool.run(task);
    this.inline ??= new InlineScanner(new Engine(this.rules, this.options));
    return this.inline.run(task);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/**
 * Scans on this thread for one thread or no worker script (unbundled runs);
 * otherwise on this thread at first and on `threads` threads once the job is big.
 */
export function createScanner(rules: readonly RuleSpec[], options: EngineOptions, threads: number): Scanner {
  if (threads > 1 && workerScriptAvailable()) return new AdaptiveScanner(threads, rules, options);
  return new InlineScanner(new Engine(rules, options));
}
