import { BASE62, base62, crc32, randomString } from './crc32.js';
import type { ChecksumValidator } from './types.js';

/**
 * GitHub's token format (2021): `<prefix>_` + 30 base62 characters of entropy
 * + 6 base62 characters of the CRC-32 of those 30, zero-padded.
 * https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
 * npm's `npm_` tokens use the same construction.
 */
export const githubCrc32: ChecksumValidator = {
  name: 'github-crc32',
  proves: () => true,
  validate(secret) {
    const body = secret.slice(secret.indexOf('_') + 1);
    if (body.length !== 36) return false;
    return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
  },
  generate(random, prefix) {
    const entropy = randomString(random, BASE62, 30);
    return `${prefix}${entropy}${base62(crc32(entropy), 6)}`;
  },
};
