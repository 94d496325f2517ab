import { createHmac, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { UsageError } from './errors.js';

/**
 * The version of a finding's fingerprint: the key of SARIF's
 * `partialFingerprints` and the `version` of baselines. v1 (unsalted sha256 of
 * rule id and secret) let anyone with a report test a guess in microseconds.
 */
export const FINGERPRINT_VERSION = 'keyhound/v2';

/**
 * scrypt's cost parameters for v2: part of the format. Every fingerprint and
 * every v2 baseline hash costs one scrypt with these, and so does every guess
 * an attacker tests against one; changing any of them is a v3.
 *
 * 512 KiB of memory (128 · N · r bytes) and about 1 ms of one core here
 * (docs/hardening.md, "Fingerprints"): the most the bench tree's 163 findings
 * can take within 5% of a scan's CPU time. A guess costs the attacker the
 * same: about 350 times a JavaScript sha256, and memory that GPUs cannot run
 * as many copies of as they run sha256.
 */
export const SCRYPT = Object.freeze({ N: 512, r: 8, p: 1, keyLength: 32 });

/** Room for scrypt's 128 · N · r bytes, and Node's own overhead. */
const MAXMEM = 4 * 128 * SCRYPT.N * SCRYPT.r;

/** Salts that keep fingerprints and baseline hashes apart, so one can never stand for the other. */
const FINGERPRINT_SALT = `${FINGERPRINT_VERSION} fingerprint`;
const BASELINE_SALT = `${FINGERPRINT_VERSION} baseline `;

/** The memory-hard step: scrypt of `password` with `salt` and {@link SCRYPT}. */
export function stretch(password: string, salt: string): Buffer {
  return scryptSync(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: MAXMEM });
}

/** {@link stretch} on libuv's thread pool, so many can run at once beside the main thread. */
export function stretchAsync(password: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: MAXMEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** What scrypt hashes for a finding: the rule id and the secret, so one secret has a fingerprint per rule. */
function fingerprintInput(ruleId: string, secret: string): string {
  return `${ruleId}\0${secret}`;
}

/** The environment variable that holds the {@link FingerprintKey}. */
export const FINGERPRINT_KEY_VARIABLE = 'KEYHOUND_FINGERPRINT_KEY';
/** Shorter keys are refused: a key that can be guessed protects nothing, and its check value would help guess it. */
export const MIN_KEY_LENGTH = 32;

/**
 * A key kept outside the repository (`KEYHOUND_FINGERPRINT_KEY`, e.g. an
 * Actions secret). With it, fingerprints and baseline hashes are an
 * HMAC-SHA256 under the key of the scrypt output: nobody without the key can
 * test a guess at all, and should the key leak, guesses still cost a scrypt.
 */
export class FingerprintKey {
  private readonly key: Buffer;

  /** Throws a {@link UsageError} (exit 2) for a key under {@link MIN_KEY_LENGTH} characters; the message never quotes it. */
  constructor(key: string) {
    if (key.length < MIN_KEY_LENGTH)
      throw new UsageError(
        `${FINGERPRINT_KEY_VARIABLE} has ${key.length} characters; it needs at least ${MIN_KEY_LENGTH} random ones (make one with \`openssl rand -hex 32\`)`,
      );
    this.key = Buffer.from(key, 'utf8');
  }

  /** The key from the environment; an empty variable counts as none (GitHub Actions passes a missing secret as ""). */
  static fromEnv(env: NodeJS.ProcessEnv): FingerprintKey | undefined {
    const value = env[FINGERPRINT_KEY_VARIABLE];
    return value ? new FingerprintKey(value) : undefined;
  }

  /** HMAC-SHA256 of `data` under the key. */
  mac(data: Buffer): Buffer {
    return createHmac('sha256', this.key).update(data).digest();
  }

  /**
   * 64 bits that tell this key from another (a baseline records it, so a scan
   * with the wrong key or none says so instead of resurfacing every entry).
   * With a key of 32 random characters it says nothing useful about the key.
   */
  check(): string {
    return this.mac(Buffer.from(`${FINGERPRINT_VERSION} key check`))
      .toString('hex')
      .slice(0, 16);
  }

  /** Whether `check` is this key's {@link check}. */
  matches(check: string): boolean {
    const mine = Buffer.from(this.check());
    const theirs = Buffer.from(check);
    return mine.length === theirs.length && timingSafeEqual(mine, theirs);
  }
}

function finish(stretched: Buffer, key: FingerprintKey | undefined): string {
  return (key ? key.mac(stretched) : stretched).toString('hex');
}

/**
 * A finding's identity, `keyhound/v2`: scrypt ({@link SCRYPT}) of the rule id
 * and the secret, then HMAC-SHA256 under `key` when there is one; 64 hex.
 * The same on every machine and run, and when lines move; testing a guess
 * costs a scrypt without the key and is impossible with it. About 1 ms: call
 * it for findings that are reported, once each (scan/fingerprints.ts caches).
 */
export function fingerprint(ruleId: string, secret: string, key?: FingerprintKey): string {
  return finish(stretch(fingerprintInput(ruleId, secret), FINGERPRINT_SALT), key);
}

/** {@link fingerprint} on libuv's thread pool. */
export async function fingerprintAsync(ruleId: string, secret: string, key?: FingerprintKey): Promise<string> {
  return finish(await stretchAsync(fingerprintInput(ruleId, secret), FINGERPRINT_SALT), key);
}

/**
 * A v2 baseline's hash of a secret: scrypt with the baseline's own random salt
 * (so no table computed once serves every baseline), then HMAC under `key`
 * when the baseline was written with one; the first 128 bits, hex.
 */
export function baselineHash(salt: string, secret: string, key?: FingerprintKey): string {
  return finish(stretch(secret, BASELINE_SALT + salt), key).slice(0, 32);
}

/**
 * What tells two findings apart while a run lasts: rule id and raw secret.
 * Held in memory only (dedupe keys), never written: it is the secret.
 */
export function identity(item: { ruleId: string; secret: string }): string {
  return `${item.ruleId}\0${item.secret}`;
}
