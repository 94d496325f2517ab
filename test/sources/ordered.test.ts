import { describe, expect, it } from 'vitest';
import { OrderedResults } from '../../src/sources/ordered.js';

/** Work that ends when told to, recording how much runs at once. */
function gate() {
  const open: { bytes: number; finish: () => void }[] = [];
  const peak = { running: 0, bytes: 0 };
  const started = (bytes: number, value: number) =>
    new Promise<number>((resolve) => {
      open.push({ bytes, finish: () => resolve(value) });
      peak.running = Math.max(peak.running, open.length);
      peak.bytes = Math.max(
        peak.bytes,
        open.reduce((sum, work) => sum + work.bytes, 0),
      );
    });
  /** Ends the piece of work at `index` among those running (newest last). */
  const finish = (index: number) => open.splice(index, 1)[0]!.finish();
  return { open, peak, started, finish };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('OrderedResults', () => {
  it('hands results on in the order the work came, however it finishes', async () => {
    const work = gate();
    const out: number[] = [];
    const results = new OrderedResults<number>(3, (value) => out.push(value));
    for (let i = 0; i < 3; i++) await results.push(() => work.started(0, i));
    work.finish(2);
    work.finish(1);
    await tick();
    expect(out).toEqual([]);
    work.finish(0);
    await results.finish();
    expect(out).toEqual([0, 1, 2]);
  });

  it('runs at most maxRunning pieces at once', async () => {
    const work = gate();
    const out: number[] = [];
    const results = new OrderedResults<number>(2, (value) => out.push(value));
    const pushing = (async () => {
      for (let i = 0; i < 6; i++) await results.push(() => work.started(0, i));
    })();
    for (let done = 0; done < 6; done++) {
      await tick();
      work.finish(0);
    }
    await pushing;
    await results.finish();
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
    expect(work.peak.running).toBe(2);
  });

  it('keeps the bytes held by running work within maxBytes, letting a bigger piece run alone', async () => {
    const work = gate();
    const out: number[] = [];
    const results = new OrderedResults<number>(100, (value) => out.push(value), 1000);
    const sizes = [400, 400, 400, 5000, 100, 300, 600];
    const pushing = (async () => {
      for (const [i, size] of sizes.entries()) await results.push(() => work.started(size, i), size);
    })();
    const together: number[][] = [];
    for (let done = 0; done < sizes.length; done++) {
      await tick();
      together.push(work.open.map((piece) => piece.bytes));
      work.finish(0);
    }
    await pushing;
    await results.finish();
    expect(out).toEqual(sizes.map((_, i) => i));
    // Two 400s fit in 1000, a third waits for one to end; 5000 runs only alone; then 100 + 300 + 600 fit.
    expect(together).toEqual([[400, 400], [400, 400], [400], [5000], [100, 300, 600], [300, 600], [600]]);
    expect(work.peak.bytes).toBe(5000);
  });
});
