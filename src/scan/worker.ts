import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSpec } from '../core/types.js';
import { Engine, type EngineOptions } from '../detect/engine.js';
import type { Task } from '../sources/source.js';
import { runTask } from './task.js';

/**
 * A scanning thread: builds its own engine from the rules it was given and
 * runs tasks (read, decode, scan) as they arrive. See pool.ts.
 */
export interface WorkerSetup {
  rules: RuleSpec[];
  options: EngineOptions;
}

const setup = workerData as WorkerSetup;
const engine = new Engine(setup.rules, setup.options);

parentPort!.on('message', (message: { id: number; task: Task }) => {
  // runTask never rejects for bad input; anything else is a bug that must end the thread (the pool replaces it).
  void runTask(engine, message.task).then((outcome) => parentPort!.postMessage({ id: message.id, outcome }));
});
