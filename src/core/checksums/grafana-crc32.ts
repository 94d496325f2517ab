import { BASE62, crc32, randomString } from './crc32.js';
import type { ChecksumValidator } from './types.js';

const SHAPE = /^gl([a-z]{1,8})_([A-Za-z0-9]{32})_([0-9a-f]{8})$/;

/** CRC-32 of `key`, as 8 hex digits of its little-endian bytes (Grafana writes the bytes low first). */
function checksum(key: string): string {
  const c = crc32(key);
  let out = '';
  for (let i = 0; i < 4; i++) out += ((c >>> (8 * i)) & 0xff).toString(16).padStart(2, '0');
  return out;
}

/**
 * Grafana's prefixed keys (service account tokens `glsa_`): `gl` + service id + `_`
 * + 32 alphanumeric characters + `_` + the CRC-32 (IEEE) of everything before the
 * last `_`, written as the hex of its four bytes in little-endian order.
 * https://github.com/grafana/grafana/blob/main/pkg/components/satokengen/tokengen.go
 */
export const grafanaCrc32: ChecksumValidator = {
  name: 'grafana-crc32',
  proves: () => true,
  validate(secret) {
    const m = SHAPE.exec(secret);
    if (!m) return false;
    return checksum(`gl${m[1]}_${m[2]}`) === m[3];
  },
  generate(random, prefix) {
    const key = `${prefix}${randomString(random, BASE62, 32)}`;
    return `${key}_${checksum(key)}`;
  },
};
