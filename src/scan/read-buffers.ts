/**
 * Buffers that whole-file reads fill, kept for the next file on the same
 * thread. A fresh buffer for every file made the kernel fault in each page
 * a read filled: on this project's node_modules one thread took 10,000 fewer
 * page faults and 16-36 MB less peak RSS with reuse (docs/performance.md,
 * "Reads into kept buffers").
 *
 * A buffer is lent to one read at a time. scan/task.ts gives it back as soon
 * as the scan has read the bytes, before the scan waits for anything, so a
 * thread has one out at a time; a read that starts while one is out is lent
 * another.
 */

/** Smallest buffer made: most source files fit, so one buffer serves a run. */
const MIN_CAPACITY = 64 * 1024;
/** Buffers kept at most: with one out at a time, a large one and a small one, so a small file never costs the large one. */
const MAX_KEPT = 2;

export class ReadBuffers {
  private readonly kept: Buffer[] = [];

  /** A buffer of at least `size` bytes, for the caller alone until {@link give} returns it. */
  take(size: number): Buffer {
    let best = -1;
    for (let i = 0; i < this.kept.length; i++) {
      const length = this.kept[i]!.length;
      if (length >= size && (best < 0 || length < this.kept[best]!.length)) best = i;
    }
    if (best >= 0) return this.kept.splice(best, 1)[0]!;
    let capacity = MIN_CAPACITY;
    while (capacity < size) capacity *= 2;
    return Buffer.allocUnsafe(capacity);
  }

  /** Returns a buffer from {@link take}; its bytes must not be read after this. */
  give(buffer: Buffer): void {
    this.kept.push(buffer);
    if (this.kept.length <= MAX_KEPT) return;
    // Too many: the smallest goes, the larger ones serve any file it could.
    let smallest = 0;
    for (let i = 1; i < this.kept.length; i++) if (this.kept[i]!.length < this.kept[smallest]!.length) smallest = i;
    this.kept.splice(smallest, 1);
  }
}
