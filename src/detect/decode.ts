import { isUtf8 } from 'node:buffer';
import { shannonEntropy } from './entropy.js';

/** The encodings the decode stage looks through (`Finding.decoded` names them). */
export type Encoding = 'base64' | 'hex' | 'percent' | 'escape';

/** An encoded span of a text and what to scan in its place. */
export interface Segment {
  /** Offsets of the encoded text. */
  start: number;
  end: number;
  encoding: Encoding;
  /** The decoded text, possibly with a synthesized line (see decode-formats.ts), scanned where the segment was. */
  replacement: string;
}

/**
 * Thresholds for segments found by shape alone. Segments named by a format
 * (a Kubernetes Secret's `data:` values, Docker `auth`) skip them.
 */
export const LIMITS = {
  /** Shortest base64 run tried: 24 characters decode to 18 bytes. */
  base64: 24,
  /** Shortest hex run tried: 32 digits decode to 16 bytes. */
  hex: 32,
  /** Shortest percent-encoded or escaped run, and the escapes it must hold. */
  escaped: 16,
  escapes: 3,
  /** Least Shannon entropy of a base64 run (bits per character); text encodes to 4.5+ once it is this long. */
  entropy: 3.5,
  /** Shortest decoded text worth scanning. */
  decoded: 8,
  /** Longest segment decoded (characters); longer blobs are embedded files, not secrets. */
  segment: 1 << 20,
} as const;

// Character classes for the run scanner, one table lookup a character.
const ALNUM = 1;
const STD = 2; // + /
const URL = 4; // - _
const NOT_HEX = 8; // letters outside a-f / A-F
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = ALNUM;
for (let c = 65; c <= 90; c++) CLASS[c] = ALNUM | (c > 70 ? NOT_HEX : 0);
for (let c = 97; c <= 122; c++) CLASS[c] = ALNUM | (c > 102 ? NOT_HEX : 0);
CLASS[43] = STD;
CLASS[47] = STD;
CLASS[45] = URL;
CLASS[95] = URL;

/**
 * Base64 of text: each 4-character group starts with the top six bits of a
 * text byte. Printable ASCII (0x20-0x7e) and tab/newline put that character in
 * `C-D` or `I-f`; random base64 and identifiers land there about 40% of the
 * time, so this rejects most runs before any decoding.
 */
const TEXT_LEAD = new Uint8Array(128);
for (const c of 'CDIJKLMNOPQRSTUVWXYZabcdef') TEXT_LEAD[c.charCodeAt(0)] = 1;

function looksLikeEncodedText(text: string, start: number, end: number): boolean {
  let groups = 0;
  let lead = 0;
  for (let i = start; i < end; i += 4) {
    groups++;
    lead += TEXT_LEAD[text.charCodeAt(i)] ?? 0;
  }
  return lead >= groups * 0.75;
}

/** Hex of text: each byte's first digit is 2-7 (or 0 for tab/newline). */
function looksLikeHexText(text: string, start: number, end: number): boolean {
  let pairs = 0;
  let lead = 0;
  for (let i = start; i < end; i += 2) {
    pairs++;
    const c = text.charCodeAt(i);
    if ((c >= 50 && c <= 55) || (c === 48 && text.charCodeAt(i + 1) <= 100)) lead++;
  }
  return lead >= pairs * 0.9;
}

/**
 * Decoded bytes count as text when they are UTF-8 without control characters
 * (tab, newline and carriage return aside). Random bytes fail at once: binary
 * blobs, hashes and identifiers that merely use the base64 alphabet are never
 * scanned.
 */
export function bytesToText(bytes: Buffer): string | undefined {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f) return undefined;
  }
  if (!isUtf8(bytes)) return undefined;
  return bytes.toString('utf8');
}

/** Standard or URL-safe base64 (padding optional) → text, or undefined. */
export function decodeBase64(encoded: string): string | undefined {
  const body = encoded.replace(/=+$/, '');
  if (body.length % 4 === 1 || body.length === 0) return undefined;
  const url = /[-_]/.test(body);
  if (url && /[+/]/.test(body)) return undefined;
  return bytesToText(Buffer.from(body, url ? 'base64url' : 'base64'));
}

/** Hex digits → text, or undefined. */
export function decodeHex(encoded: string): string | undefined {
  if (encoded.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(encoded)) return undefined;
  return bytesToText(Buffer.from(encoded, 'hex'));
}

/** `%XX` sequences → text (each run of escapes decoded as UTF-8 bytes), or undefined. */
export function decodePercent(encoded: string): string | undefined {
  let invalid = false;
  const out = encoded.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const text = bytesToText(Buffer.from(run.replace(/%/g, ''), 'hex'));
    if (text === undefined) invalid = true;
    return text ?? '';
  });
  return invalid ? undefined : out;
}

/** `\uXXXX` and `\xXX` escapes → text, or undefined when a code point is a control character. */
export function decodeEscapes(encoded: string): string | undefined {
  const out = encoded.replace(/\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})/g, (_m, u: string | undefined, x: string | undefined) =>
    String.fromCharCode(parseInt(u ?? x!, 16)));
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(out) ? undefined : out;
}

function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** Characters a percent-encoded or escaped run may hold: printable ASCII except space, quotes and brackets that end a value. */
function inEscapedRun(code: number): boolean {
  return code > 32 && code < 127 && code !== 34 && code !== 39 && code !== 96 && code !== 60 && code !== 62;
}

function hexRun(text: string, start: number, end: number, out: Segment[]): void {
  const length = end - start;
  if (length < LIMITS.hex || length > LIMITS.segment || length % 2 !== 0 || !looksLikeHexText(text, start, end)) return;
  const decoded = decodeHex(text.slice(start, end));
  if (decoded !== undefined && decoded.trim().length >= LIMITS.decoded) out.push({ start, end, encoding: 'hex', replacement: decoded });
}

/**
 * Base64 and hex runs in `text[from, to)`, in one pass over the characters. A
 * run is a maximal stretch of the base64 alphabet (`=` only as padding at its
 * end), so a value glued to a name by `=` or `:` starts its own run.
 */
function findRuns(text: string, from: number, to: number, out: Segment[]): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c >= 128 || CLASS[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    let flags = 0;
    for (; i < to; i++) {
      const d = text.charCodeAt(i);
      const k = d < 128 ? CLASS[d]! : 0;
      if (k === 0) break;
      flags |= k;
    }
    const runEnd = i;
    while (i < to && i - runEnd < 2 && text.charCodeAt(i) === 61) i++;
    // `0x4142...`: hex after a C-style prefix.
    const c1 = text.charCodeAt(start + 1);
    if (c === 48 && (c1 === 120 || c1 === 88) && /^[0-9a-fA-F]+$/.test(text.slice(start + 2, runEnd))) {
      hexRun(text, start + 2, runEnd, out);
      continue;
    }
    const length = runEnd - start;
    if (length < LIMITS.base64 || length > LIMITS.segment || (flags & STD && flags & URL)) continue;
    if (!(flags & (STD | URL | NOT_HEX))) {
      hexRun(text, start, runEnd, out);
      continue;
    }
    if (!looksLikeEncodedText(text, start, runEnd)) continue;
    const encoded = text.slice(start, i);
    if (shannonEntropy(encoded) < LIMITS.entropy) continue;
    const decoded = decodeBase64(encoded);
    if (decoded !== undefined && decoded.trim().length >= LIMITS.decoded) out.push({ start, end: i, encoding: 'base64', replacement: decoded });
  }
}

/**
 * Runs that hold `marker` escapes (`%` for percent-encoding, `\` for
 * `\uXXXX`/`\xXX`): found with indexOf, so text without the marker costs one
 * native search.
 */
function findEscaped(text: string, from: number, to: number, encoding: 'percent' | 'escape', out: Segment[]): void {
  const marker = encoding === 'percent' ? '%' : '\\';
  const isEscape = encoding === 'percent'
    ? (at: number) => isHexDigit(text.charCodeAt(at + 1)) && isHexDigit(text.charCodeAt(at + 2))
    : (at: number) => {
      const kind = text.charCodeAt(at + 1);
      const digits = kind === 117 ? 4 : kind === 120 ? 2 : 0; // u, x
      if (digits === 0) return false;
      for (let k = 2; k < 2 + digits; k++) if (!isHexDigit(text.charCodeAt(at + k))) return false;
      return true;
    };
  let at = text.indexOf(marker, from);
  while (at >= 0 && at < to) {
    if (!isEscape(at)) {
      at = text.indexOf(marker, at + 1);
      continue;
    }
    let start = at;
    while (start > from && inEscapedRun(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < to && inEscapedRun(text.charCodeAt(end))) end++;
    let escapes = 0;
    for (let k = text.indexOf(marker, start); k >= 0 && k < end; k = text.indexOf(marker, k + 1)) if (isEscape(k)) escapes++;
    if (escapes >= LIMITS.escapes && end - start >= LIMITS.escaped && end - start <= LIMITS.segment) {
      const encoded = text.slice(start, end);
      const decoded = encoding === 'percent' ? decodePercent(encoded) : decodeEscapes(encoded);
      if (decoded !== undefined && decoded.trim().length >= LIMITS.decoded) out.push({ start, end, encoding, replacement: decoded });
    }
    at = text.indexOf(marker, Math.max(end, at + 1));
  }
}

/**
 * Encoded segments in `text[from, to)` that decode to text: base64 (standard
 * and URL-safe), hex, percent-encoding and `\uXXXX`/`\xXX` escapes. Only runs
 * long enough, with text-like structure, are decoded at all; the rest of the
 * text costs one table lookup a character.
 */
export function findSegments(text: string, from = 0, to = text.length): Segment[] {
  const out: Segment[] = [];
  findRuns(text, from, to, out);
  findEscaped(text, from, to, 'percent', out);
  findEscaped(text, from, to, 'escape', out);
  return out;
}
