import type { ChecksumValidator } from './types.js';

const DIGITS = '0123456789';

/**
 * Not a checksum but a structural check for the personal access tokens of Jira,
 * Confluence and Bitbucket Data Center / Server: standard base64 (44 characters,
 * no padding) of 33 bytes, a 12-digit numeric token id, a colon and 20 random
 * bytes. Bitbucket prefixes the same value with `BBDC-`. A random 44-character
 * base64 string decodes to 12 ASCII digits and a colon with a probability of
 * about 1 in 10^17, so this drops hashes and blobs that sit under a `jira_token`.
 * `generate` puts its prefix (e.g. `BBDC-`) in front of the base64.
 */
export const atlassianDcPat: ChecksumValidator = {
  name: 'atlassian-dc-pat',
  validate(secret) {
    const body = secret.slice(secret.lastIndexOf('-') + 1);
    if (!/^[A-Za-z0-9+/]{44}$/.test(body)) return false;
    const bytes = Buffer.from(body, 'base64');
    if (bytes.length !== 33 || bytes[12] !== 0x3a) return false;
    for (let i = 0; i < 12; i++) if (bytes[i]! < 0x30 || bytes[i]! > 0x39) return false;
    return true;
  },
  generate(random, prefix) {
    const bytes = Buffer.alloc(33);
    for (let i = 0; i < 12; i++) bytes[i] = DIGITS.charCodeAt(Math.floor(random() * 10));
    bytes[12] = 0x3a;
    for (let i = 13; i < 33; i++) bytes[i] = Math.floor(random() * 256);
    return `${prefix}${bytes.toString('base64')}`;
  },
};
