import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { gunzipBounded, isGzip } from './gzip.js';
import { decodeWide, mostlyText, SNIFF_BYTES, textNamed, wideEncoding, type WideEncoding } from './sniff.js';
import { printableRuns, type PrintableRuns } from './strings.js';

export type TextEncoding = 'utf8' | 'latin1' | WideEncoding;

/** Bytes read as text. */
export interface DecodedText {
  ok: true;
  text: string;
  encoding: TextEncoding;
  /** NUL bytes (or NUL code units) in the text, read as spaces: one for one, so offsets, lines and columns stay true. */
  nul?: number;
  /** The bytes were gzip, decompressed first; `truncated` when the stream was cut short (what it held is the text). */
  gzip?: { truncated: boolean };
}

/**
 * Bytes that are not text: scan {@link PrintableRuns.text} with the cheap,
 * certain rules (`Engine.scanCertain`) and locate findings with
 * `locateInBinary` (sources/strings.ts).
 */
export interface DecodedBinary {
  ok: false;
  reason: 'binary';
  strings: PrintableRuns;
  gzip?: { truncated: boolean };
}

/** Bytes refused unread: gzip that expands past the limits (sources/gzip.ts); `detail` says how. */
export interface Refused {
  ok: false;
  reason: 'decompression-bomb' | 'too-large';
  detail: string;
}

export type Decoded = DecodedText | DecodedBinary | Refused;

export interface DecodeOptions {
  /** The file's path (or name): a name that says text (`.env`, `.yaml`, source files) keeps a file with NUL bytes text. */
  path?: string;
}

/** gzip inside gzip is opened this many layers deep at most. */
const GZIP_DEPTH = 2;

/**
 * Turns file bytes into text for scanning, or says why not:
 *
 * 1. A byte-order mark: UTF-32 or UTF-16, either order; UTF-8 (dropped).
 * 2. gzip (magic `1f 8b`): decompressed within limits, then read the same
 *    way; a decompression bomb is refused (`decompression-bomb`).
 * 3. No NUL in the first 8 KiB: text, as UTF-8 when valid, else Latin-1,
 *    which keeps every ASCII byte (all key formats are ASCII) at its offset.
 * 4. NULs in the first 8 KiB: UTF-16 or UTF-32 without a mark when the NULs
 *    fall as they do there; else text when the name says text or 85% of the
 *    bytes are text (sniff.ts); else `binary`, with its printable runs.
 *
 * NUL bytes in text read as spaces.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  return decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), options.path ?? '', bytes.byteLength, 0);
}

function decode(buffer: Buffer, path: string, fileSize: number, depth: number): Decoded {
  const bom = byteOrderMark(buffer);
  if (bom)
    return bom.encoding === 'utf8'
      ? plain(buffer.subarray(bom.length))
      : text(decodeWide(buffer.subarray(bom.length), bom.encoding), bom.encoding);
  if (depth < GZIP_DEPTH && isGzip(buffer)) {
    const out = gunzipBounded(buffer, fileSize);
    if (out.ok) {
      const inner = decode(out.bytes, path.replace(/\.gz$/i, ''), fileSize, depth + 1);
      return inner.ok || inner.reason === 'binary' ? { ...inner, gzip: { truncated: out.truncated } } : inner;
    }
    if (out.reason !== 'corrupt') return { ok: false, reason: out.reason, detail: `gzip ${out.detail}` };
    // Not gzip after all, or damaged past reading: what it is, it is as bytes.
  }
  if (!buffer.subarray(0, SNIFF_BYTES).includes(0)) return plain(buffer);
  const wide = wideEncoding(buffer);
  if (wide) return text(decodeWide(buffer, wide), wide);
  if (textNamed(path) || mostlyText(buffer)) return plain(buffer);
  return { ok: false, reason: 'binary', strings: printableRuns(buffer) };
}

/** UTF-8 when the bytes are valid UTF-8, else Latin-1 (every byte one character). */
function plain(buffer: Buffer): DecodedText {
  return isUtf8(buffer) ? text(buffer.toString('utf8'), 'utf8') : text(buffer.toString('latin1'), 'latin1');
}

/** The text with its NULs read as spaces. */
function text(raw: string, encoding: TextEncoding): DecodedText {
  if (raw.indexOf('\0') === -1) return { ok: true, text: raw, encoding };
  let nul = 0;
  const spaced = raw.replace(/\0/g, () => {
    nul++;
    return ' ';
  });
  return { ok: true, text: spaced, encoding, nul };
}

/** A byte-order mark at the start, and its length. UTF-32 LE is checked before UTF-16 LE, whose mark it begins with. */
export function byteOrderMark(bytes: Uint8Array): { encoding: 'utf8' | WideEncoding; length: number } | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xff && b === 0xfe && c === 0 && d === 0 && bytes.length >= 4) return { encoding: 'utf32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf32be', length: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf16be', length: 2 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf8', length: 3 };
  return undefined;
}

/** What the first bytes of a big file (read in pieces) say it is. */
export type HeadSniff = { kind: 'text'; encoding: TextEncoding; skip: number } | { kind: 'binary' } | { kind: 'gzip' };

/**
 * {@link decodeBytes}' decision for a file too big to read at once, from its
 * first {@link SNIFF_BYTES} (`head`): its encoding and the bytes of mark to
 * skip, binary, or gzip. Pieces are then decoded with a {@link PieceDecoder}.
 */
export function sniffHead(head: Uint8Array, path = ''): HeadSniff {
  const bom = byteOrderMark(head);
  if (bom) return { kind: 'text', encoding: bom.encoding, skip: bom.length };
  if (isGzip(head)) return { kind: 'gzip' };
  const buffer = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const plainHead = (): HeadSniff => ({ kind: 'text', encoding: utf8Head(buffer) ? 'utf8' : 'latin1', skip: 0 });
  if (!buffer.includes(0)) return plainHead();
  const wide = wideEncoding(buffer);
  if (wide) return { kind: 'text', encoding: wide, skip: 0 };
  if (textNamed(path) || mostlyText(buffer)) return plainHead();
  return { kind: 'binary' };
}

/**
 * Why a file over the size limit was not read: `too-large-binary` when its
 * head shows a binary (left out on purpose; core/completeness.ts), else
 * `too-large`, a text file the run could not scan, which makes it incomplete.
 */
export function oversizedReason(head: Uint8Array, path: string): 'too-large' | 'too-large-binary' {
  return sniffHead(head, path).kind === 'binary' ? 'too-large-binary' : 'too-large';
}

/** Whether a head of a file is valid UTF-8, but for a character the end of the head cuts. */
function utf8Head(head: Buffer): boolean {
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) if (isUtf8(head.subarray(0, head.length - cut))) return true;
  return head.length === 0;
}

/**
 * Decodes a big file piece by piece in any {@link TextEncoding}: a code unit
 * or character split between two pieces is carried to the next, and NULs
 * read as spaces, as in {@link decodeBytes}.
 */
export class PieceDecoder {
  private readonly decoder: StringDecoder | undefined;
  private carry = Buffer.alloc(0);

  constructor(private readonly encoding: TextEncoding) {
    if (encoding === 'utf8' || encoding === 'latin1' || encoding === 'utf16le') this.decoder = new StringDecoder(encoding);
  }

  write(bytes: Buffer): string {
    if (this.decoder) return spaced(this.decoder.write(bytes));
    const all = this.carry.length > 0 ? Buffer.concat([this.carry, bytes]) : bytes;
    const unit = this.encoding === 'utf16be' ? 2 : 4;
    const whole = all.length - (all.length % unit);
    this.carry = Buffer.from(all.subarray(whole));
    return spaced(decodeWide(all.subarray(0, whole), this.encoding as WideEncoding));
  }

  /** What is left: a code unit cut short by the end of the file reads as U+FFFD. */
  end(): string {
    if (this.decoder) return spaced(this.decoder.end());
    const rest = this.carry.length > 0 ? '\ufffd' : '';
    this.carry = Buffer.alloc(0);
    return rest;
  }
}

function spaced(text: string): string {
  return text.indexOf('\0') === -1 ? text : text.replace(/\0/g, ' ');
}
