import { describe, expect, it } from 'vitest';
import { chain, limiter } from '../../src/verify/limits.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('request limits', () => {
  it('never runs more than the limit at once, through a provider limit and the overall one', async () => {
    const overall = limiter(4);
    const providers = [limiter(2), limiter(2), limiter(2)];
    let inFlight = 0;
    let peak = 0;
    const perProvider = [0, 0, 0];
    const providerPeak = [0, 0, 0];
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        chain(providers[i % 3]!, overall).run(async () => {
          inFlight++;
          perProvider[i % 3]!++;
          peak = Math.max(peak, inFlight);
          providerPeak[i % 3] = Math.max(providerPeak[i % 3]!, perProvider[i % 3]!);
          await sleep(2);
          inFlight--;
          perProvider[i % 3]!--;
        }),
      ),
    );
    expect(peak).toBe(4);
    expect(Math.max(...providerPeak)).toBe(2);
  });

  it('spaces starts by the rate', async () => {
    const rate = limiter(10, 50); // one start every 20 ms
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => rate.run(() => Promise.resolve(starts.push(performance.now())))));
    // Four gaps of 20 ms: at least 70 ms from the first start to the last (timers may fire a little early or late).
    expect(starts[4]! - starts[0]!).toBeGreaterThanOrEqual(70);
  });
});
