import { githubCrc32 } from '../../src/detect/checksums/github-crc32.js';

/**
 * Deterministic fake credentials for golden-output tests: the same seed gives
 * the same tokens on every machine, so a report can be compared byte for byte.
 * (mulberry32: small, fast, and good enough to fill a token's random part.)
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SeededTokens {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  from(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(this.random() * alphabet.length));
    return out;
  }

  /** A GitHub-format token with a valid CRC-32 checksum. */
  github(prefix = 'ghp_'): string {
    return githubCrc32.generate(this.random, prefix);
  }

  awsKeyId(): string {
    return `AKIA${this.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
  }

  awsSecret(): string {
    return this.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 40);
  }

  base62(length: number): string {
    return this.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', length);
  }
}
