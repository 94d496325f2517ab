/** Runs tasks with at most `concurrency` at once and, when `perSecond` is set, starts at most that many a second. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A semaphore with an optional start-rate: the n-th start waits until
 * n / perSecond seconds after the first. Waiters are served in order.
 */
export function limiter(concurrency: number, perSecond?: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  const interval = perSecond ? 1000 / perSecond : 0;
  let nextStart = 0;
  return {
    async run(task) {
      if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
      active++;
      try {
        if (interval > 0) {
          const now = Date.now();
          const at = Math.max(now, nextStart);
          nextStart = at + interval;
          if (at > now) await sleep(at - now);
        }
        return await task();
      } finally {
        active--;
        waiting.shift()?.();
      }
    },
  };
}

/** Two limiters in a row: a provider's own, then the run's overall one. */
export function chain(inner: Limiter, outer: Limiter): Limiter {
  return { run: (task) => inner.run(() => outer.run(task)) };
}
