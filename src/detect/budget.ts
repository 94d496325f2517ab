import vm from 'node:vm';

/**
 * A hard time limit for synchronous work on this thread. JavaScript regexes
 * backtrack, and one `exec` that backtracks cannot be interrupted from
 * JavaScript; V8 can, though: `vm` scripts with a `timeout` are stopped by a
 * watchdog thread (TerminateExecution), which irregexp honours mid-match.
 * Starting the watchdog costs a thread (~0.05-0.15 ms), so the engine uses
 * it only for chunks big enough that this is noise (see docs/hardening.md).
 */
const context = vm.createContext({ task: undefined }) as { task: (() => unknown) | undefined };
const script = new vm.Script('task()', { filename: 'keyhound-budget.js' });

/** Thrown by {@link runWithin} when `fn` ran out of time (and was stopped). */
export class OutOfTime extends Error {
  constructor() {
    super('out of time');
  }
}

/** Runs `fn` synchronously, stopping it after `ms` milliseconds with {@link OutOfTime}. */
export function runWithin<T>(ms: number, fn: () => T): T {
  const previous = context.task;
  context.task = fn;
  try {
    const result: unknown = script.runInContext(context, { timeout: Math.max(1, Math.ceil(ms)) });
    return result as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new OutOfTime();
    throw error;
  } finally {
    context.task = previous;
  }
}
