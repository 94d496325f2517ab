import { crc32, randomString } from './crc32.js';
import type { ChecksumValidator } from './types.js';

/**
 * GitLab's routable token format (GitLab 17.x, `Authn::TokenField::Generator::RoutableToken`):
 *
 *   <prefix><base64url payload>.<version: 2 base-36 digits>.<payload length: 2 base-36 digits><CRC-32: 7 base-36 digits>
 *
 * The payload is 16 random bytes, the routing data (`o:<org>\nu:<user>...`) and
 * one length byte, url-safe base64 without padding; the CRC-32 (zlib) covers
 * everything before it, prefix included, and is written in base 36, left-padded
 * with `0` to 7 digits. Legacy tokens (`glpat-` + 20 characters) carry no
 * checksum, so a secret without the `.<version>.` part passes.
 * https://gitlab.com/gitlab-org/gitlab/-/blob/master/lib/authn/token_field/generator/routable_token.rb
 */
export const gitlabRoutable: ChecksumValidator = {
  name: 'gitlab-routable',
  // Legacy tokens pass without a checksum.
  proves: (secret) => secret.includes('.'),
  validate(secret) {
    const m = /^(.+)\.([0-9a-z]{2})\.([0-9a-z]{2})([0-9a-z]{7})$/.exec(secret);
    if (!m) return !secret.includes('.');
    const [, head, , length, crc] = m as unknown as [string, string, string, string, string];
    // The length field counts the base64url payload, which ends the text before the first dot; a prefix precedes it.
    const payloadLength = parseInt(length, 36);
    if (payloadLength <= 0 || payloadLength >= head.length || !/^[A-Za-z0-9_-]+$/.test(head.slice(-payloadLength))) return false;
    return crc32(secret.slice(0, -7)).toString(36).padStart(7, '0') === crc;
  },
  generate(random, prefix) {
    // 16 random bytes + a routing payload such as "o:1a2b\nu:3c" + its length byte, base64url-encoded.
    const routing = `o:${randomString(random, '0123456789abcdefghijklmnopqrstuvwxyz', 4)}\nu:${randomString(random, '0123456789abcdefghijklmnopqrstuvwxyz', 3)}`;
    const bytes: number[] = [];
    for (let i = 0; i < 16; i++) bytes.push(Math.floor(random() * 256));
    for (const ch of routing) bytes.push(ch.charCodeAt(0));
    bytes.push(routing.length);
    const payload = Buffer.from(bytes).toString('base64url');
    const head = `${prefix}${payload}.01.${payload.length.toString(36).padStart(2, '0')}`;
    return `${head}${crc32(head).toString(36).padStart(7, '0')}`;
  },
};
