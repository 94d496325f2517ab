import { Worker } from 'node:worker_threads';
import type { WorkerMessage, WorkerSetup } from './worker.js';

/**
 * Starting scanning threads (worker.ts): where their script is, and threads
 * started ahead of the rules they will get. Pools (pool.ts) take them from here.
 */

/** Where the bundled worker script is; set by the entry point (bin.ts, the Action), which knows its own folder. */
let workerScript: URL | undefined;
export function setWorkerScript(url: URL): void {
  workerScript = url;
}
export function workerScriptAvailable(): boolean {
  return workerScript !== undefined;
}

/** Workers started ahead of their rules ({@link prestartWorkers}), not yet taken by a pool. */
const prestarted: Worker[] = [];

/**
 * Starts `count` scanning threads now, before the rules are known, so that
 * starting Node in them (about 40 ms of CPU each) overlaps the calling
 * thread's own start (configuration, rules, listing). They load the scanning
 * code only when a pool takes them and sends the rules (worker.ts): a job
 * too small for them lets them go ({@link releasePrestartedWorkers}) having
 * cost little. Unused, they do not keep the process alive.
 */
export function prestartWorkers(count: number): void {
  if (!workerScript) return;
  while (prestarted.length < count) {
    const worker = new Worker(workerScript);
    worker.unref();
    // A prestarted thread that fails before a pool takes it is simply not used.
    worker.on('error', () => {
      const index = prestarted.indexOf(worker);
      if (index >= 0) prestarted.splice(index, 1);
    });
    prestarted.push(worker);
  }
}

/** Ends the threads started ahead and not taken: the job turned out too small for them. */
export function releasePrestartedWorkers(): void {
  for (const worker of prestarted.splice(0)) void worker.terminate();
}

/** A scanning thread for a pool: a prestarted one if any is left, else a new one; sent its rules first. */
export function startWorker(setup: WorkerSetup): Worker {
  const worker = prestarted.shift() ?? new Worker(workerScript!);
  worker.removeAllListeners('error');
  worker.ref();
  worker.postMessage({ setup } satisfies WorkerMessage);
  return worker;
}
