/**
 * Results of concurrent work, handed on in the order the work was submitted.
 * Submission is limited by work still running (not by results waiting to be
 * handed on), so one slow task never idles the other threads.
 */
export class OrderedResults<T> {
  private readonly queue: { settled: boolean; value?: T; promise: Promise<void> }[] = [];
  private running = 0;
  private runningBytes = 0;
  private wake?: () => void;

  constructor(
    private readonly maxRunning: number,
    private readonly consume: (value: T) => void,
    /** Bytes the running work may hold at once (any one piece of work may hold more, alone). */
    private readonly maxBytes = Infinity,
  ) {}

  /**
   * Adds work holding `bytes`; waits first while `maxRunning` tasks are still
   * running, or while adding it would pass `maxBytes`. `work` is started only then.
   */
  async push(work: () => Promise<T> | T, bytes = 0): Promise<void> {
    while (this.running >= this.maxRunning || (this.running > 0 && this.runningBytes + bytes > this.maxBytes))
      await new Promise<void>((resolve) => (this.wake = resolve));
    this.running++;
    this.runningBytes += bytes;
    const entry: { settled: boolean; value?: T; promise: Promise<void> } = { settled: false, promise: Promise.resolve() };
    entry.promise = Promise.resolve(work()).then((value) => {
      entry.value = value;
      entry.settled = true;
      this.running--;
      this.runningBytes -= bytes;
      this.drain();
      const wake = this.wake;
      this.wake = undefined;
      wake?.();
    });
    this.queue.push(entry);
    this.drain();
  }

  private drain(): void {
    while (this.queue.length > 0 && this.queue[0]!.settled) this.consume(this.queue.shift()!.value as T);
  }

  /** Waits for all work and hands on every remaining result. */
  async finish(): Promise<void> {
    await Promise.all(this.queue.map((entry) => entry.promise));
    this.drain();
  }
}
