import { describe, expect, it } from 'vitest';
import { fingerprint, fingerprintAsync, FingerprintKey, identity } from '../../src/core/fingerprint.js';
import { Fingerprints } from '../../src/scan/fingerprints.js';
import { githubToken } from '../helpers/tokens.js';

const KEY = 'k'.repeat(16) + 'e'.repeat(16);

describe('fingerprint (keyhound/v2)', () => {
  it('depends on rule id, secret and key only, the same sync or on the thread pool', async () => {
    const secret = githubToken();
    const plain = fingerprint('r', secret);
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint('r', secret)).toBe(plain);
    expect(fingerprint('r2', secret)).not.toBe(plain);
    expect(fingerprint('r', `${secret}x`)).not.toBe(plain);
    // The separator keeps ("ab", "c") apart from ("a", "bc").
    expect(fingerprint('ab', 'c')).not.toBe(fingerprint('a', 'bc'));
    const key = new FingerprintKey(KEY);
    const keyed = fingerprint('r', secret, key);
    expect(keyed).not.toBe(plain);
    expect(fingerprint('r', secret, new FingerprintKey(`${KEY}!`))).not.toBe(keyed);
    expect(await fingerprintAsync('r', secret)).toBe(plain);
    expect(await fingerprintAsync('r', secret, key)).toBe(keyed);
  });

  it('keys: too short is a usage error that does not quote the key; the check tells keys apart', () => {
    expect(() => new FingerprintKey('short-but-secret')).toThrow(/at least 32/);
    expect(() => new FingerprintKey('short-but-secret')).not.toThrow(/short-but-secret/);
    expect(FingerprintKey.fromEnv({ KEYHOUND_FINGERPRINT_KEY: '' })).toBeUndefined();
    const key = new FingerprintKey(KEY);
    expect(key.check()).toMatch(/^[0-9a-f]{16}$/);
    expect(key.matches(key.check())).toBe(true);
    expect(new FingerprintKey(`${KEY}!`).matches(key.check())).toBe(false);
  });
});

describe('Fingerprints (a run)', () => {
  it('stamps what has none, each distinct rule and secret once', async () => {
    const [a, b] = [githubToken(), githubToken()];
    const items = [a, b, a, a].map((secret) => ({ ruleId: 'r', secret, fingerprint: '' }));
    const run = new Fingerprints();
    await run.stamp(items);
    expect(run.computed).toBe(2);
    expect(items.map((i) => i.fingerprint)).toEqual([a, b, a, a].map((s) => fingerprint('r', s)));
    expect(run.of({ ruleId: 'r', secret: a })).toBe(items[0]!.fingerprint);
    expect(run.computed).toBe(2);
    expect(identity(items[0]!)).toBe(identity(items[2]!));
  });
});
