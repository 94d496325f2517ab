import { crc32, randomString } from './crc32.js';
import type { ChecksumValidator } from './types.js';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

function checksum(text: string): string {
  return crc32(text).toString(16).toUpperCase().padStart(8, '0');
}

/**
 * Atlassian's token formats end in the CRC-32 (IEEE) of everything before it,
 * as 8 upper-case hex digits:
 * - Atlassian API tokens (`ATATT3xFfGF0...`) and Bitbucket access tokens
 *   (`ATCTT3xFfGN0...`): 183 characters, `=`, then the CRC-32 of those 184.
 * - Trello tokens: `ATTA` + 64 lower-case hex, then the CRC-32 of those 68.
 * (Checked against tokens published by accident in public repositories.)
 * `generate` builds the Trello shape for the prefix `ATTA` and the 192-character
 * API-token shape for any other prefix.
 */
export const atlassianCrc32: ChecksumValidator = {
  name: 'atlassian-crc32',
  proves: () => true,
  validate(secret) {
    if (secret.length <= 8) return false;
    const sum = secret.slice(-8);
    if (!/^[0-9A-F]{8}$/.test(sum)) return false;
    return checksum(secret.slice(0, -8)) === sum;
  },
  generate(random, prefix) {
    const body =
      prefix === 'ATTA'
        ? `${prefix}${randomString(random, HEX, 64)}`
        : `${prefix}${randomString(random, BASE64URL, Math.max(0, 183 - prefix.length))}=`;
    return `${body}${checksum(body)}`;
  },
};
