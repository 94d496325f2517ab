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
  /**
   * Shortest base64 run tried: 32 characters decode to 24 bytes, room for a
   * name and a short value (`password=...`). Shorter runs are mostly
   * identifiers; known formats (Kubernetes, Docker, .npmrc, Basic) have no minimum.
   */
  base64: 32,
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
// Indexed by any UTF-16 code unit (64 KiB), so the hot loops need no range check.
const CLASS = new Uint8Array(65536);
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
const TEXT_LEAD = new Uint8Array(65536);
for (const c of 'CDIJKLMNOPQRSTUVWXYZabcdef') TEXT_LEAD[c.charCodeAt(0)] = 1;

function looksLikeEncodedText(text: string, start: number, end: number): boolean {
  // Gives up as soon as more than a quarter of the groups miss: identifiers and random data fail within a few groups.
  const allowed = Math.floor(Math.ceil((end - start) / 4) * 0.25);
  let misses = 0;
  for (let i = start; i < end; i += 4) if (TEXT_LEAD[text.charCodeAt(i)] === 0 && ++misses > allowed) return false;
  return true;
}

/** Hex of text: each byte's first digit is 2-7 (or 0 for tab/newline). */
function looksLikeHexText(text: string, start: number, end: number): boolean {
  const allowed = Math.floor(Math.ceil((end - start) / 2) * 0.1);
  let misses = 0;
  for (let i = start; i < end; i += 2) {
    const c = text.charCodeAt(i);
    if (!((c >= 50 && c <= 55) || (c === 48 && text.charCodeAt(i + 1) <= 100)) && ++misses > allowed) return false;
  }
  return true;
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
    String.fromCharCode(parseInt(u ?? x!, 16)),
  );
  // Control characters in the decoded text mean it was not text: matching them is the point.
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(out) ? undefined : out;
}

function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** `%XX` at `at`. */
function isPercentEscape(text: string, at: number): boolean {
  return isHexDigit(text.charCodeAt(at + 1)) && isHexDigit(text.charCodeAt(at + 2));
}

/** `\uXXXX` or `\xXX` at `at`. */
function isCharEscape(text: string, at: number): boolean {
  const kind = text.charCodeAt(at + 1);
  const digits = kind === 117 ? 4 : kind === 120 ? 2 : 0; // u, x
  if (digits === 0) return false;
  for (let k = 2; k < 2 + digits; k++) if (!isHexDigit(text.charCodeAt(at + k))) return false;
  return true;
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
 * Base64 and hex runs in `text[from, to)`. A run is a maximal stretch of the
 * base64 alphabet (`=` only as padding at its end), so a value glued to a
 * name by `=` or `:` starts its own run. Only runs of LIMITS.base64 or more
 * matter, so the search skips: a run that long starting anywhere in
 * [i, i + LIMITS.base64) covers the probe at its end, and a probe outside the
 * alphabet rules all of them out at once (the idea of Boyer-Moore's skip).
 * Ordinary text and code cost well under one lookup a character.
 */
function findRuns(text: string, from: number, to: number, out: Segment[]): void {
  const min = LIMITS.base64;
  let i = from;
  while (i + min <= to) {
    const probe = i + min - 1;
    if (CLASS[text.charCodeAt(probe)] === 0) {
      i = probe + 1;
      continue;
    }
    let runEnd = probe + 1;
    while (runEnd < to && CLASS[text.charCodeAt(runEnd)] !== 0) runEnd++;
    // The run starts at i or later, so a short stretch needs no look back.
    if (runEnd - i < min) {
      i = runEnd;
      continue;
    }
    let start = probe;
    while (start > i && CLASS[text.charCodeAt(start - 1)] !== 0) start--;
    let end = runEnd;
    while (end < to && end - runEnd < 2 && text.charCodeAt(end) === 61) end++;
    // Padding may be followed by another run (`a==b`): the next search starts right after it.
    i = end;
    if (runEnd - start >= min) examineRun(text, start, runEnd, end, out);
  }
}

/** A long run [start, runEnd) with padding up to `end`: hex, base64, or neither. */
function examineRun(text: string, start: number, runEnd: number, end: number, out: Segment[]): void {
  const length = runEnd - start;
  if (length > LIMITS.segment) return;
  // `0x4142...`: hex after a C-style prefix.
  const c1 = text.charCodeAt(start + 1);
  const hexStart = text.charCodeAt(start) === 48 && (c1 === 120 || c1 === 88) ? start + 2 : start;
  // Most long runs are identifiers; the strided checks reject them before any full pass.
  const textLike = looksLikeEncodedText(text, start, runEnd);
  if (!textLike && !looksLikeHexText(text, hexStart, runEnd)) return;
  let flags = 0;
  for (let k = hexStart; k < runEnd; k++) flags |= CLASS[text.charCodeAt(k)]!;
  if (!(flags & (STD | URL | NOT_HEX))) {
    hexRun(text, hexStart, runEnd, out);
    return;
  }
  if (!textLike || hexStart !== start || (flags & STD && flags & URL)) return;
  const encoded = text.slice(start, end);
  if (shannonEntropy(encoded) < LIMITS.entropy) return;
  const decoded = decodeBase64(encoded);
  if (decoded !== undefined && decoded.trim().length >= LIMITS.decoded) out.push({ start, end, encoding: 'base64', replacement: decoded });
}

/** Largest gap between the first two escapes of an escaped run. */
const NEARBY = 16;

/**
 * Runs that hold `marker` escapes (`%` for percent-encoding, `\` for
 * `\uXXXX`/`\xXX`): found with indexOf, so text without the marker costs one
 * native search.
 */
function findEscaped(text: string, from: number, to: number, encoding: 'percent' | 'escape', out: Segment[]): void {
  const marker = encoding === 'percent' ? '%' : '\\';
  const percent = encoding === 'percent';
  // Plain functions, not a closure made per call: V8 compiled this loop for one closure and threw it out on the other.
  const isEscape = percent ? isPercentEscape : isCharEscape;
  let at = text.indexOf(marker, from);
  while (at >= 0 && at < to) {
    const next = text.indexOf(marker, at + 1);
    // Encoded text has its escapes close together; a lone `%20` or `\u00e9` in code starts nothing.
    if (next < 0 || next - at > NEARBY || !isEscape(text, at)) {
      at = next;
      continue;
    }
    let start = at;
    while (start > from && inEscapedRun(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < to && inEscapedRun(text.charCodeAt(end))) end++;
    let escapes = 0;
    for (let k = text.indexOf(marker, start); k >= 0 && k < end; k = text.indexOf(marker, k + 1)) if (isEscape(text, k)) escapes++;
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
