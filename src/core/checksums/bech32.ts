import type { ChecksumValidator } from './types.js';

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i]!;
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >>> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

/**
 * Bech32 (BIP 173) checksum, as used by age identities
 * (`AGE-SECRET-KEY-1` + 58 upper-case characters: the human-readable part
 * `age-secret-key-`, the separator `1`, 52 data characters and a 6-character
 * checksum). Unlike BIP 173, age allows strings longer than 90 characters.
 * Mixed case is invalid. `generate` takes the whole prefix up to and including
 * the separator (`AGE-SECRET-KEY-1`) and returns a string in the prefix's case.
 * https://github.com/C2SP/C2SP/blob/main/age.md
 */
export const bech32: ChecksumValidator = {
  name: 'bech32',
  proves: () => true,
  validate(secret) {
    if (secret !== secret.toLowerCase() && secret !== secret.toUpperCase()) return false;
    const lower = secret.toLowerCase();
    const separator = lower.lastIndexOf('1');
    if (separator < 1 || lower.length - separator - 1 < 6) return false;
    const hrp = lower.slice(0, separator);
    for (let i = 0; i < hrp.length; i++) {
      const code = hrp.charCodeAt(i);
      if (code < 33 || code > 126) return false;
    }
    const data: number[] = [];
    for (const char of lower.slice(separator + 1)) {
      const value = CHARSET.indexOf(char);
      if (value < 0) return false;
      data.push(value);
    }
    return polymod([...hrpExpand(hrp), ...data]) === 1;
  },
  generate(random, prefix) {
    const lower = prefix.toLowerCase();
    const hrp = lower.endsWith('1') ? lower.slice(0, -1) : lower;
    const data: number[] = [];
    for (let i = 0; i < 52; i++) data.push(Math.floor(random() * 32));
    const mod = polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
    for (let i = 0; i < 6; i++) data.push((mod >>> (5 * (5 - i))) & 31);
    const out = `${hrp}1${data.map((v) => CHARSET[v]).join('')}`;
    return prefix === prefix.toLowerCase() ? out : out.toUpperCase();
  },
};
