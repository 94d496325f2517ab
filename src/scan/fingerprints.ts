import type { ScanReport } from '../core/report.js';
import { fingerprint, fingerprintAsync, identity, type FingerprintKey } from '../core/fingerprint.js';

/** Anything that carries a fingerprint: findings and dropped candidates. */
interface Fingerprinted {
  ruleId: string;
  secret: string;
  fingerprint: string;
}

/**
 * A run's fingerprints (`keyhound/v2`, core/fingerprint.ts). Each costs a
 * scrypt, so the engine makes none: the runner stamps what it reports, once
 * final (after dedupe and the baseline), each distinct rule and secret once
 * per run however often it is found (history scans meet one secret in many
 * commits). Dropped candidates get theirs only under `--explain`, where they
 * are reported.
 */
export class Fingerprints {
  private readonly done = new Map<string, string>();
  private readonly pending = new Map<string, Promise<string>>();

  /** `key`: `KEYHOUND_FINGERPRINT_KEY`, when set. */
  constructor(readonly key?: FingerprintKey) {}

  /** The fingerprint, computed here and now (streamed findings). */
  of(item: { ruleId: string; secret: string }): string {
    const id = identity(item);
    let value = this.done.get(id);
    if (value === undefined) this.done.set(id, (value = fingerprint(item.ruleId, item.secret, this.key)));
    return value;
  }

  /** Sets `fingerprint` on every item that has none, the distinct ones side by side on libuv's thread pool. */
  async stamp(items: Iterable<Fingerprinted>): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const item of items) {
      if (item.fingerprint !== '') continue;
      const known = this.done.get(identity(item));
      if (known !== undefined) item.fingerprint = known;
      else waits.push(this.later(item).then((value) => void (item.fingerprint = value)));
    }
    await Promise.all(waits);
  }

  /** Every fingerprint a report shows: its findings, moved findings and dropped candidates. */
  stampReport(report: ScanReport): Promise<void> {
    return this.stamp([...report.findings, ...(report.moved ?? []).map((m) => m.finding), ...report.suppressed]);
  }

  /** How many scrypts the run computed (one per distinct rule and secret reported). */
  get computed(): number {
    return this.done.size;
  }

  private later(item: { ruleId: string; secret: string }): Promise<string> {
    const id = identity(item);
    let wait = this.pending.get(id);
    if (!wait) {
      wait = fingerprintAsync(item.ruleId, item.secret, this.key).then((value) => {
        this.done.set(id, value);
        this.pending.delete(id);
        return value;
      });
      this.pending.set(id, wait);
    }
    return wait;
  }
}
