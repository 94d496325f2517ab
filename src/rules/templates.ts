import { createHash } from 'node:crypto';
import { CHECKSUMS } from '../core/checksums/index.js';

/**
 * Example templates (docs/rules.md, "Example templates"): `{{random:ALPHABET:N}}`
 * and `{{token:CHECKSUM:PREFIX}}` expand to fresh values from a generator seeded
 * by a string, so examples are reproducible and the repository holds no
 * realistic-looking keys.
 */
export const ALPHABETS: Readonly<Record<string, string>> = {
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  base62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  alnum: 'abcdefghijklmnopqrstuvwxyz0123456789',
  ALNUM: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  digits: '0123456789',
};

/** A small seeded generator (mulberry32); quality is ample for test data. */
export function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEMPLATE = /\{\{(random|token):([A-Za-z0-9-]{1,40}):([^{}]{0,40})\}\}/g;

export interface Expanded {
  text: string;
  /** The first template value, for `{{same}}`. */
  first?: string;
}

/** Expands every template in `text`. Unknown alphabets or validators are errors naming the template. */
export function expandTemplates(text: string, random: () => number): Expanded {
  let first: string | undefined;
  const out = text.replace(TEMPLATE, (whole, kind: string, name: string, argument: string) => {
    let value: string;
    if (kind === 'random') {
      const alphabet = ALPHABETS[name];
      const length = Number(argument);
      if (!alphabet || !Number.isInteger(length) || length < 1 || length > 10_000) throw new Error(`bad template ${whole}: use {{random:<${Object.keys(ALPHABETS).join('|')}>:<length>}}`);
      value = '';
      for (let i = 0; i < length; i++) value += alphabet[Math.floor(random() * alphabet.length)]!;
    } else {
      const validator = CHECKSUMS.get(name);
      if (!validator) throw new Error(`bad template ${whole}: no checksum validator "${name}"`);
      value = validator.generate(random, argument);
    }
    first ??= value;
    return value;
  });
  return first === undefined ? { text: out } : { text: out, first };
}
