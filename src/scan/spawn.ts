import { Worker } from 'node:worker_threads';
import type { WorkerMessage, WorkerSetup } from './worker.js';

/**
 * Starting scanning threads (worker.ts): where their script is, and a new
 * thread with its rules. Pools (pool.ts) start them from here.
 *
 * Threads are started once a listing shows they will pay, not ahead of it:
 * started with the command, a thread's start (about 40 ms of CPU even when
 * it only loads its code once the rules come) made small folders slower on
 * two cores, and gained nothing measurable on large ones (docs/performance.md,
 * "When a worker pays").
 */

/** Where the bundled worker script is; set by the entry point (bin.ts, the Action), which knows its own folder. */
let workerScript: URL | undefined;
export function setWorkerScript(url: URL): void {
  workerScript = url;
}
export function workerScriptAvailable(): boolean {
  return workerScript !== undefined;
}

/** A scanning thread for a pool, sent its rules first. */
export function startWorker(setup: WorkerSetup): Worker {
  const worker = new Worker(workerScript!);
  worker.postMessage({ setup } satisfies WorkerMessage);
  return worker;
}
