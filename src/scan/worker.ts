import { parentPort } from 'node:worker_threads';
import type { RuleSpec } from '../core/types.js';
import { Engine, type EngineOptions } from '../detect/engine.js';
import { loadTokenizer } from '../detect/tokenizer.js';
import type { Task } from '../sources/source.js';
import { runTask } from './task.js';

/**
 * A scanning thread: builds its own engine from the rules it is sent first,
 * then runs tasks (read, decode, scan) as they arrive. See pool.ts.
 */
export interface WorkerSetup {
  rules: RuleSpec[];
  options: EngineOptions;
}

export type WorkerMessage = { setup: WorkerSetup } | { id: number; task: Task };

// The vocabulary loads before the first task: the default rules need it, and
// loaded lazily it came in the middle of the scan, slowing the thread's first
// files. Messages wait on the port until the handler below is attached.
await loadTokenizer();

let engine: Engine | undefined;

parentPort!.on('message', (message: WorkerMessage) => {
  if ('setup' in message) {
    engine = new Engine(message.setup.rules, message.setup.options);
    return;
  }
  // runTask never rejects for bad input; anything else is a bug that must end the thread (the pool replaces it).
  void runTask(engine!, message.task).then((outcome) => parentPort!.postMessage({ id: message.id, outcome }));
});
