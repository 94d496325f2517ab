import { randomString } from './crc32.js';
import type { ChecksumValidator } from './types.js';

/** Printable ASCII plus tab and line breaks (a registry password can be a whole JSON key file, as with GCR's _json_key). */
const PRINTABLE = /^[\x20-\x7e\t\r\n]+$/;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Not a checksum but a structural check for HTTP Basic credentials stored as
 * standard base64 of `user:password` (RFC 7617), as in Docker's `config.json`
 * (`"auths": {"<registry>": {"auth": "<base64>"}}`) and npm's `_auth`: the
 * value must decode to printable ASCII (line breaks allowed) with a non-empty user, a colon and a
 * non-empty password. Random base64 almost never does, so this drops hashes
 * and other blobs that merely sit under an `auth` key.
 * `generate` treats its prefix as the user name (default: a random one).
 */
export const basicAuthBase64: ChecksumValidator = {
  name: 'basic-auth-base64',
  validate(secret) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(secret) || secret.length % 4 !== 0) return false;
    const decoded = Buffer.from(secret, 'base64').toString('latin1');
    if (!PRINTABLE.test(decoded)) return false;
    const colon = decoded.indexOf(':');
    return colon > 0 && colon < decoded.length - 1;
  },
  generate(random, prefix) {
    const user = prefix || `user${randomString(random, ALNUM, 6)}`;
    const password = randomString(random, ALNUM, 24);
    return Buffer.from(`${user}:${password}`).toString('base64');
  },
};
