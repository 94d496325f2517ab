/**
 * What became of a blob at its first introduction: `wanted` until its patch
 * is read, `scanned` when it added lines; `binary` and `ref` (a blob named by
 * a ref) are read whole later, if at all; the rest are skipped.
 */
export type Outcome = 'wanted' | 'scanned' | 'binary' | 'ref' | 'symlink' | 'excluded-path' | 'timeout';

const OUTCOMES: readonly Outcome[] = ['wanted', 'scanned', 'binary', 'ref', 'symlink', 'excluded-path', 'timeout'];
const CODE = new Map(OUTCOMES.map((outcome, code) => [outcome, code]));

/**
 * Each blob's first introduction in a history scan: the position (in history
 * order) of the commit that introduced it, and its outcome. Kept as one small
 * integer per blob (position × 7 + outcome): a long history holds millions of
 * blobs, and a map of integers holds no objects besides its keys.
 */
export class Introductions {
  private readonly byBlob = new Map<string, number>();

  get size(): number {
    return this.byBlob.size;
  }

  has(blobId: string): boolean {
    return this.byBlob.has(blobId);
  }

  /** The position of the commit that introduced `blobId`, if it was met. */
  order(blobId: string): number | undefined {
    const value = this.byBlob.get(blobId);
    return value === undefined ? undefined : Math.floor(value / OUTCOMES.length);
  }

  outcome(blobId: string): Outcome | undefined {
    const value = this.byBlob.get(blobId);
    return value === undefined ? undefined : OUTCOMES[value % OUTCOMES.length];
  }

  set(blobId: string, order: number, outcome: Outcome): void {
    this.byBlob.set(blobId, order * OUTCOMES.length + CODE.get(outcome)!);
  }

  /** Changes the outcome of a blob already met, keeping its position. */
  mark(blobId: string, outcome: Outcome): void {
    this.set(blobId, this.order(blobId)!, outcome);
  }

  /** Every blob's outcome. */
  *outcomes(): IterableIterator<Outcome> {
    for (const value of this.byBlob.values()) yield OUTCOMES[value % OUTCOMES.length]!;
  }
}
