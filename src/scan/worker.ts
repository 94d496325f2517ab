import { parentPort } from 'node:worker_threads';
import type { RuleSpec } from '../core/types.js';
import type { EngineOptions } from '../detect/engine.js';
import type { Task } from '../sources/source.js';

/**
 * A scanning thread: builds its own engine from the rules it is sent first,
 * then runs tasks (read, decode, scan) as they arrive. See pool.ts.
 */
export interface WorkerSetup {
  rules: RuleSpec[];
  options: EngineOptions;
}

export type WorkerMessage = { setup: WorkerSetup } | { id: number; task: Task };

/**
 * The scanning code, loaded once the rules arrive. A thread may be started
 * ahead of them (prestartWorkers) and then let go when the job turns out too
 * small for it (pool.ts); until the rules come it has only started Node, so
 * letting it go wastes little. The BPE vocabulary loads with the engine,
 * before the first task: loaded lazily instead, it was compiled in the middle
 * of the scan, slowing the thread's first hundreds of files.
 */
async function scanner(setup: WorkerSetup) {
  const [{ Engine }, { runTask }, { loadTokenizer }] = await Promise.all([
    import('../detect/engine.js'),
    import('./task.js'),
    import('../detect/tokenizer.js'),
  ]);
  await loadTokenizer();
  const engine = new Engine(setup.rules, setup.options);
  return (task: Task) => runTask(engine, task);
}

let ready: ReturnType<typeof scanner> | undefined;

parentPort!.on('message', (message: WorkerMessage) => {
  if ('setup' in message) {
    ready = scanner(message.setup);
    return;
  }
  // Tasks wait for the engine in the order they came. runTask never rejects for bad input;
  // anything else is a bug that must end the thread (the pool replaces it).
  void ready!.then((run) => run(message.task)).then((outcome) => parentPort!.postMessage({ id: message.id, outcome }));
});
