import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { RuleSpec } from '../core/types.js';
import { DEFAULT_BUDGET_MS, Engine, type EngineOptions } from '../detect/engine.js';
import type { Task, TaskOutcome as Outcome } from '../sources/source.js';
import { PIECE_BYTES, runTask } from './task.js';
import { startWorker, workerScriptAvailable } from './spawn.js';
import type { WorkerMessage, WorkerSetup } from './worker.js';

/** Runs scanning tasks; the pipelines do not care whether on this thread or on many. */
export interface Scanner {
  readonly threads: number;
  /** Told how many more tasks are coming, and how many bytes they read, when a source knows (a listed folder). */
  expect?(tasks: number, bytes?: number): void;
  run(task: Task): Promise<Outcome>;
  /** This thread's engine, for text a source scans here (built on first use). */
  engine(): Engine;
  close(): Promise<void>;
}

/** Scans on the calling thread: no start-up cost, for small jobs (`staged`, one file). */
export class InlineScanner implements Scanner {
  readonly threads = 1;

  constructor(private readonly local: Engine) {}

  async run(task: Task): Promise<Outcome> {
    return runTask(this.local, task);
  }

  engine(): Engine {
    return this.local;
  }

  async close(): Promise<void> {}
}

interface Pending {
  task: Task;
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to this thread and not answered yet, oldest first: the thread runs them in that order. */
  inflight: { id: number; pending: Pending }[];
  /** Their bytes. */
  inflightBytes: number;
  /** The backstop of the oldest task, the one the thread is running. */
  timer?: NodeJS.Timeout;
}

/**
 * Work sent to a thread ahead of its answers, so it never waits for the
 * calling thread, which scans too and answers only between its own files.
 * At least {@link PIPELINE} tasks, and more while they add up to less than
 * {@link PIPELINE_BYTES}: four small files are scanned in under a millisecond,
 * while the calling thread may be on a file a hundred times their size. With
 * four tasks only, the worker idled a third of a scan of git's sources (418 of
 * 1,316 ms in a CPU profile); with this byte floor, a tenth.
 */
const PIPELINE = 4;
const PIPELINE_BYTES = 256 * 1024;
/** Tasks sent to one thread at most (empty files add no bytes). */
const PIPELINE_MAX = 32;

/** Tasks a source should keep submitted per thread: every pipeline full, and some to spare for the calling thread. */
export const TASKS_IN_FLIGHT_PER_THREAD = PIPELINE_MAX + 2;
/**
 * Bytes a source should keep submitted per thread when its tasks carry them
 * (blobs): 34 blobs of up to 10 MiB each would otherwise be held at once.
 */
export const BYTES_IN_FLIGHT_PER_THREAD = 32 * 1024 * 1024;

/**
 * Tasks this size and smaller may run on the calling thread beside the
 * workers; a bigger one would keep it from handing out work for longer than a
 * worker takes to run out of it.
 */
const LOCAL_TASK_BYTES = 1024 * 1024;

function taskBytes(task: Task): number {
  return task.kind === 'file' ? task.entry.size : task.bytes.byteLength;
}

/**
 * A pool of scanning threads. Each builds its own engine once; tasks go to the
 * first idle thread. The engine keeps each chunk to its time budget itself
 * (engine.ts); as a backstop, a task that runs well past the budget of all
 * its pieces (or a thread stuck anywhere else) gets its thread terminated and
 * replaced, and is reported as skipped with reason `timeout`, so no single
 * file can stall a scan.
 *
 * Given a `local` engine, the calling thread scans too, one task at a time,
 * taking whatever small task is waiting once every worker's pipeline is full.
 */
export class WorkerPool implements Omit<Scanner, 'engine'> {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;
  private localBusy = false;

  constructor(
    /** Worker threads to start. */
    workers: number,
    private readonly setup: WorkerSetup,
    /** Fixed limit per task; default: derived from the engine's budget and the task's size ({@link backstopMs}). */
    private readonly taskTimeoutMs?: number,
    /** This thread's engine, built when first needed; absent: this thread only hands out work. */
    private readonly local?: () => Engine,
  ) {
    if (!workerScriptAvailable()) throw new Error('WorkerPool needs setWorkerScript() from the entry point');
    for (let i = 0; i < workers; i++) this.slots.push(this.spawn());
  }

  get threads(): number {
    return this.slots.length + (this.local ? 1 : 0);
  }

  private spawn(): Slot {
    const worker = startWorker(this.setup);
    const slot: Slot = { worker, inflight: [], inflightBytes: 0 };
    worker.on('message', (message: { id: number; outcome: Outcome }) => {
      const index = slot.inflight.findIndex((entry) => entry.id === message.id);
      if (index < 0) return;
      const [done] = slot.inflight.splice(index, 1);
      slot.inflightBytes -= taskBytes(done!.pending.task);
      this.armBackstop(slot);
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
    slot.inflightBytes = 0;
    clearTimeout(slot.timer);
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0 && !this.closed) this.slots[index] = this.spawn();
    this.queue.unshift(...waiting.map((entry) => entry.pending));
    if (running) {
      const path = running.pending.task.kind === 'file' ? running.pending.task.entry.path : running.pending.task.origin.path;
      running.pending.resolve({ kind: 'skipped', path, reason });
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (
        this.queue.length > 0 &&
        (slot.inflight.length < PIPELINE || (slot.inflightBytes < PIPELINE_BYTES && slot.inflight.length < PIPELINE_MAX))
      )
        this.send(slot, this.queue.shift()!);
    }
    // The last waiting task is left to a worker: this thread also hands out the
    // work and gathers the results (a fifth of its time), so it is the one to
    // keep from becoming the bottleneck.
    if (this.local && !this.localBusy && this.queue.length > 1) {
      // No bigger than what each worker has waiting, so none runs dry meanwhile.
      const ahead = Math.max(PIPELINE_BYTES, Math.min(...this.slots.map((slot) => slot.inflightBytes)));
      const index = this.queue.findIndex((pending) => taskBytes(pending.task) <= Math.min(LOCAL_TASK_BYTES, ahead));
      if (index >= 0) this.runLocal(this.local(), this.queue.splice(index, 1)[0]!);
    }
  }

  /**
   * Runs a task on this thread as its own turn of the event loop, so the
   * workers' answers (and their next tasks) are handled between local tasks.
   */
  private runLocal(engine: Engine, pending: Pending): void {
    this.localBusy = true;
    setImmediate(() => {
      void runTask(engine, pending.task).then(
        (outcome) => {
          this.localBusy = false;
          pending.resolve(outcome);
          this.dispatch();
        },
        (error: unknown) => {
          this.localBusy = false;
          pending.reject(error);
          this.dispatch();
        },
      );
    });
  }

  private send(slot: Slot, pending: Pending): void {
    const id = this.nextId++;
    slot.inflight.push({ id, pending });
    slot.inflightBytes += taskBytes(pending.task);
    if (slot.inflight.length === 1) this.armBackstop(slot);
    // Bytes are copied, not transferred: should this thread die with the task
    // still waiting behind another, it goes to the next thread, which needs
    // them (a transferred buffer is empty here from then on).
    slot.worker.postMessage({ id, task: pending.task } satisfies WorkerMessage);
  }

  /**
   * Times the oldest task sent to the thread: it is the one running, since a
   * thread takes its tasks in order, so its limit need not cover the tasks
   * waiting behind it, however many there are.
   */
  private armBackstop(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const oldest = slot.inflight[0];
    if (!oldest) return;
    const limit = this.taskTimeoutMs ?? backstopMs(oldest.pending.task, this.setup.options.budgetMs ?? DEFAULT_BUDGET_MS);
    if (limit > 0) slot.timer = setTimeout(() => this.fail(slot, 'timeout'), limit);
  }

  run(task: Task): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) clearTimeout(slot.timer);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}

/** Twice the budget of every piece a task may be scanned in, plus reading time; 0 (no limit) when the budget is off. */
export function backstopMs(task: Task, budgetMs: number): number {
  if (!(budgetMs > 0)) return 0;
  return 2 * budgetMs * (Math.ceil(taskBytes(task) / PIECE_BYTES) + 1) + 10_000;
}

/**
 * One thread's scanning time for a listing, roughly: 19 ms a megabyte and
 * 90 µs a file, fitted on subsets of git's sources and /usr/lib/python3 on
 * the 2-core machines here (docs/performance.md, "When a worker pays").
 */
export function estimatedScanMs(files: number, bytes: number): number {
  return bytes / 52_000 + files * 0.09;
}

/**
 * When a listed job brings in worker threads: from `listedMs` of estimated
 * one-thread scanning ({@link estimatedScanMs}), however few its files. Each
 * worker warms up V8's compiler on its own, which costs about 0.4 s of CPU;
 * while every core already scans, that is taken from the scan, and below
 * about 0.7 s of work (680 ms estimated) two threads were slower than one.
 * With cores to spare (0) the warm-up runs beside the scan, and workers start
 * for any folder of more than 32 files or once 4 MB is queued.
 * KEYHOUND_THREADS_FROM_MS sets it (tests set 0 to run small trees on
 * workers).
 */
export function workerThresholdMs(threads: number): number {
  const given = Number(process.env.KEYHOUND_THREADS_FROM_MS);
  if (process.env.KEYHOUND_THREADS_FROM_MS !== undefined && Number.isFinite(given) && given >= 0) return given;
  return threads >= availableParallelism() ? 680 : 0;
}

/**
 * Scans on this thread, and brings in `threads - 1` worker threads once the
 * job proves big enough to pay for their start-up (each builds its own
 * engine and warms up its own compiler): scanning one file, a small commit
 * or a small folder never starts a thread. This thread keeps scanning beside
 * them, taking the next task whenever every worker's pipeline is full: it
 * has its engine already, so `--threads 2` pays for one worker's start-up,
 * not two, and half the files never cross a thread.
 */
export class AdaptiveScanner implements Scanner {
  private local?: Engine;
  private pool?: WorkerPool;
  private tasks = 0;
  private bytes = 0;
  private listed = { tasks: 0, bytes: 0, sized: false };

  constructor(
    readonly threads: number,
    private readonly rules: readonly RuleSpec[],
    private readonly options: EngineOptions,
    private readonly threshold = { tasks: 32, bytes: 4 * 1024 * 1024, listedMs: workerThresholdMs(threads) },
  ) {}

  /** Whether worker threads have been brought in. */
  get usesWorkers(): boolean {
    return this.pool !== undefined;
  }

  /**
   * A listed folder with enough work to pay for the workers (by the estimate
   * when its size is known, else more files than the threshold) brings them
   * in from the start, so they start while this thread builds its engine.
   */
  expect(tasks: number, bytes?: number): void {
    if (this.pool) return;
    this.listed.tasks += tasks;
    if (bytes !== undefined) {
      this.listed.bytes += bytes;
      this.listed.sized = true;
    }
    const enough = this.decidedByListing()
      ? estimatedScanMs(this.listed.tasks, this.listed.bytes) >= this.threshold.listedMs
      : this.listed.tasks > this.threshold.tasks;
    if (enough) this.startPool();
  }

  /** A sized listing decides alone; otherwise the tasks seen so far do. */
  private decidedByListing(): boolean {
    return this.listed.sized && this.threshold.listedMs > 0;
  }

  private startPool(): WorkerPool {
    this.pool = new WorkerPool(this.threads - 1, { rules: [...this.rules], options: this.options }, undefined, () => this.localEngine());
    return this.pool;
  }

  private localEngine(): Engine {
    this.local ??= new Engine(this.rules, this.options);
    return this.local;
  }

  engine(): Engine {
    return this.localEngine();
  }

  run(task: Task): Promise<Outcome> {
    this.tasks++;
    this.bytes += taskBytes(task);
    if (!this.pool && !this.decidedByListing() && (this.tasks > this.threshold.tasks || this.bytes > this.threshold.bytes))
      this.startPool();
    if (this.pool) return this.pool.run(task);
    return runTask(this.localEngine(), task);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/**
 * Scans on this thread for one thread or no worker script (unbundled runs);
 * otherwise on this thread at first, and on this thread and `threads - 1`
 * workers once the job is big.
 */
export function createScanner(rules: readonly RuleSpec[], options: EngineOptions, threads: number): Scanner {
  if (threads > 1 && workerScriptAvailable()) return new AdaptiveScanner(threads, rules, options);
  return new InlineScanner(new Engine(rules, options));
}
