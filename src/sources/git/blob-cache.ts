/**
 * Blobs kept in memory until the later versions that use them as a base have
 * been compared. Reference counts come from the plan, so a blob leaves as soon
 * as its last user is done: memory holds roughly one version of each file
 * still being edited, not the history. A byte cap bounds the worst case; a
 * blob that does not fit is not kept, and its users scan their whole text
 * instead (slower, never less correct).
 */
export class BlobCache {
  private readonly blobs = new Map<string, Buffer>();
  private bytes = 0;
  /** Blobs not kept because the cap was reached. */
  overflows = 0;

  constructor(private readonly uses: Map<string, number>, private readonly maxBytes: number) {}

  /** Keeps `data` when a later scan will use it as its base. */
  offer(id: string, data: Buffer): void {
    if ((this.uses.get(id) ?? 0) === 0 || this.blobs.has(id)) return;
    if (this.bytes + data.length > this.maxBytes) {
      this.overflows++;
      return;
    }
    // A view into a large read buffer would pin all of it: keep a compact copy.
    const kept = data.byteOffset === 0 && data.buffer.byteLength === data.length ? data : Buffer.from(data);
    this.blobs.set(id, kept);
    this.bytes += kept.length;
  }

  /** The base for one scan; counts the use and forgets the blob after its last one. */
  take(id: string): Buffer | undefined {
    const data = this.blobs.get(id);
    const left = (this.uses.get(id) ?? 1) - 1;
    this.uses.set(id, left);
    if (left <= 0 && data) {
      this.blobs.delete(id);
      this.bytes -= data.length;
    }
    return data;
  }

  /** Drops the uses of a base whose user will not be read (too large, missing). */
  release(id: string): void {
    this.take(id);
  }

  get size(): number {
    return this.bytes;
  }
}
