import { createHmac, randomBytes } from 'node:crypto';
import { ConfigError } from '../core/errors.js';
import { baselineHash, FINGERPRINT_KEY_VARIABLE, SCRYPT, type FingerprintKey } from '../core/fingerprint.js';
import { memoize } from '../core/memoize.js';

/**
 * How a baseline hashes secrets:
 * - **2** (what keyhound writes): scrypt ({@link SCRYPT}) with the file's
 *   random salt, then HMAC-SHA256 under `KEYHOUND_FINGERPRINT_KEY` when the
 *   file was written with it (`keyCheck` says which key).
 * - **1** (read, never written): HMAC-SHA256 keyed with the salt. The salt
 *   sits in the file, so each guess costs one HMAC: deprecated, rewritten by
 *   `keyhound baseline migrate`.
 */
export interface BaselineForm {
  version: 1 | 2;
  /** Random hex, per baseline: the same secret hashes differently in every baseline. */
  salt: string;
  /** Version 2 written with a key: that key's check value ({@link FingerprintKey.check}). */
  keyCheck?: string;
}

/**
 * The form of an entry kept from an older baseline because no scan found its
 * secret again (a hash cannot be rewritten without its secret): `v1` (an
 * HMAC keyed with the salt, quick to test guesses against) or `v2-unkeyed`
 * (in a keyed file). Written as the entry's `"form"`; entries without one are
 * in the header's form.
 */
export type LegacyForm = 'v1' | 'v2-unkeyed';
export const LEGACY_FORMS: readonly LegacyForm[] = ['v1', 'v2-unkeyed'];

/** The header's name for v2's hash, checked on read: a file cannot lower the cost. */
export const V2_HASH = `scrypt N=${SCRYPT.N} r=${SCRYPT.r} p=${SCRYPT.p}`;

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** The form a new baseline takes: version 2, a fresh salt, keyed when there is a key. */
export function currentForm(key: FingerprintKey | undefined): BaselineForm {
  return { version: 2, salt: newSalt(), ...(key ? { keyCheck: key.check() } : {}) };
}

/** Whether a baseline already has the form {@link currentForm} would give, with this very key (its salt aside). */
export function isCurrentForm(form: BaselineForm, key: FingerprintKey | undefined): boolean {
  if (form.version !== 2) return false;
  return form.keyCheck === undefined ? key === undefined : key !== undefined && key.matches(form.keyCheck);
}

/** A v1 entry's hash: HMAC-SHA256 keyed with the salt, first 128 bits. */
export function v1Hash(salt: string, secret: string): string {
  return createHmac('sha256', salt).update(secret).digest('hex').slice(0, 32);
}

/**
 * The hash functions of one baseline, by entry form (undefined: the header's
 * form), each distinct secret hashed once per form (history scans meet one
 * secret many times, and a v2 hash costs a scrypt). A keyed baseline needs
 * its key: without it, or with another, the constructor throws a
 * {@link ConfigError} naming `file`, since no entry could match and every
 * accepted finding would come back. An unkeyed baseline is read without the
 * key even when one is set (`keyhound baseline migrate` keys it).
 */
export class BaselineHashes {
  private readonly byForm = new Map<LegacyForm | undefined, (secret: string) => string>();

  constructor(form: BaselineForm, key: FingerprintKey | undefined, file: string) {
    const v1 = memoize((secret) => v1Hash(form.salt, secret));
    const unkeyed = memoize((secret) => baselineHash(form.salt, secret));
    this.byForm.set('v1', v1);
    this.byForm.set('v2-unkeyed', unkeyed);
    if (form.version === 1) this.byForm.set(undefined, v1);
    else if (form.keyCheck === undefined) this.byForm.set(undefined, unkeyed);
    else if (!key)
      throw new ConfigError([
        { file, message: `this baseline was written with ${FINGERPRINT_KEY_VARIABLE}; set the same key to use it (it is not set)` },
      ]);
    else if (!key.matches(form.keyCheck))
      throw new ConfigError([
        { file, message: `this baseline was written with another ${FINGERPRINT_KEY_VARIABLE}; set the key it was written with` },
      ]);
    else
      this.byForm.set(
        undefined,
        memoize((secret) => baselineHash(form.salt, secret, key)),
      );
  }

  /** The hash function of entries in `form` (undefined: the header's). */
  of(form: LegacyForm | undefined): (secret: string) => string {
    return this.byForm.get(form)!;
  }

  /** The header form's hash of `secret`. */
  current(secret: string): string {
    return this.of(undefined)(secret);
  }
}
