import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { ScanTimeoutError } from '../core/errors.js';
import { addResult, emptyResult } from '../core/result.js';
import type { Chunk, LineRange, Origin } from '../core/types.js';
import type { Engine } from '../detect/engine.js';
import { decodeBytes, PieceDecoder, sniffHead, type DecodedText } from '../sources/decode.js';
import { errorReason, type FileEntry } from '../sources/fs.js';
import type { Task, TaskOutcome } from '../sources/source.js';
import { SNIFF_BYTES } from '../sources/sniff.js';
import { locateInBinary, printableRuns } from '../sources/strings.js';
import { looksMinified, MINIFIED_REASON } from '../detect/minified.js';
import { timedOut, withPartial } from './outcome.js';
import { ReadBuffers } from './read-buffers.js';

type Outcome = TaskOutcome;

/**
 * Files larger than this are read and scanned in pieces, so memory stays
 * bounded on any input. Pieces overlap by {@link OVERLAP} characters and a
 * finding is kept only by the piece where its secret starts.
 */
export const PIECE_BYTES = 16 * 1024 * 1024;
export const OVERLAP = 64 * 1024;

/** Reads (when needed), decodes and scans one task. Never throws for bad input. */
export async function runTask(engine: Engine, task: Task): Promise<Outcome> {
  try {
    return await readAndScan(engine, task);
  } catch (error) {
    // The time budget ran out (engine.ts): skipped and counted, never silently; what it found stands.
    const partial = timedOut(error);
    if (partial) return { kind: 'skipped', path: (error as ScanTimeoutError).path, reason: 'timeout', result: partial };
    throw error;
  }
}

async function readAndScan(engine: Engine, task: Task): Promise<Outcome> {
  if (task.kind === 'bytes') return scanBytes(engine, task.bytes, task.origin, task.lines);
  const { entry } = task;
  const origin: Origin = { path: entry.path, absolutePath: entry.absolutePath };
  if (entry.size > PIECE_BYTES) return scanInPieces(engine, entry, origin);
  let read: WholeFile;
  try {
    read = readWhole(entry.absolutePath);
  } catch (error) {
    if (error instanceof NotRegularFile) return { kind: 'skipped', path: entry.path, reason: 'not-regular-file' };
    if (error instanceof UnsizedTooLarge) return { kind: 'skipped', path: entry.path, reason: 'too-large' };
    return { kind: 'skipped', path: entry.path, reason: errorReason((error as NodeJS.ErrnoException).code) };
  }
  const scanned = scanBytes(engine, read.bytes, origin);
  // scanBytes has read the bytes once it returns its promise (it waits only in
  // Engine.scanPrepared, which reads them before that) and keeps no view of them:
  // the buffer can serve the next file. Given back only when the scan settled,
  // buffers piled up: a thread has a few dozen tasks settling at once (sources/ordered.ts).
  if (read.lent) readBuffers.give(read.lent);
  return scanned;
}

/** This thread's read buffers (each worker has its own copy of this module). */
const readBuffers = new ReadBuffers();

/** A file's bytes, and the lent buffer they sit in, if any, to give back once scanned. */
interface WholeFile {
  bytes: Buffer;
  lent?: Buffer;
}

class NotRegularFile extends Error {}

/**
 * Reads a whole (small) file with blocking calls: from the page cache that is
 * about five times cheaper than the promise API's open/stat/read/close round
 * trips, and a scanning thread has nothing else to do meanwhile. O_NONBLOCK:
 * if a FIFO or device took the file's place since it was listed, opening it
 * must not wait for a writer; it is then refused as not a regular file.
 * The bytes land in a buffer lent by {@link readBuffers}.
 */
function readWhole(file: string): WholeFile {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new NotRegularFile();
    // Files the kernel makes up (/proc/self/environ) say they are empty and are not: read those to the end.
    if (info.size === 0) return { bytes: readToEnd(fd) };
    const lent = readBuffers.take(info.size);
    let filled = 0;
    try {
      while (filled < info.size) {
        const n = readSync(fd, lent, filled, info.size - filled, filled);
        if (n === 0) break;
        filled += n;
      }
    } catch (error) {
      readBuffers.give(lent);
      throw error;
    }
    return { bytes: lent.subarray(0, filled), lent };
  } finally {
    closeSync(fd);
  }
}

/** Largest file of unknown size read whole (one that says it is empty); past it the file is too large. */
const UNSIZED_LIMIT = PIECE_BYTES;

class UnsizedTooLarge extends Error {}

function readToEnd(fd: number): Buffer {
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const part = Buffer.allocUnsafe(65536);
    const n = readSync(fd, part, 0, part.length, null);
    if (n === 0) return Buffer.concat(parts, total);
    parts.push(part.subarray(0, n));
    total += n;
    if (total > UNSIZED_LIMIT) throw new UnsizedTooLarge();
  }
}

async function scanBytes(engine: Engine, bytes: Uint8Array, origin: Origin, lines?: LineRange[]): Promise<Outcome> {
  const decoded = decodeBytes(bytes, { path: origin.path });
  if (!decoded.ok && decoded.reason !== 'binary')
    return { kind: 'skipped', path: origin.path, reason: decoded.reason, detail: decoded.detail };
  const encoding = decoded.ok ? decoded.encoding : 'binary';
  const shown = decoded.gzip ? `gzip/${encoding}` : encoding;
  if (!decoded.ok) {
    const result = locateInBinary(engine.scanCertain({ text: decoded.strings.text, origin }), decoded.strings);
    return { kind: 'scanned', path: origin.path, bytes: bytes.byteLength, result, encoding: shown };
  }
  const chunk: Chunk = { text: decoded.text, origin };
  if (lines) chunk.lines = lines;
  if (readInPlace(decoded, bytes)) chunk.bytes = bytes;
  if (looksMinified(decoded.text)) {
    // A minified bundle: generated, a whole dependency tree of key-like identifiers. Left out of the
    // generic and context rules by default (counted as minified); the certain rules still read it,
    // so a token built into a bundle is found.
    const result = engine.scanCertain(chunk);
    return { kind: 'skipped', path: origin.path, reason: MINIFIED_REASON, result };
  }
  const result = await engine.scanPrepared(chunk);
  return { kind: 'scanned', path: origin.path, bytes: bytes.byteLength, result, encoding: shown };
}

/**
 * Whether the file's bytes can stand for its text in the keyword pass (one
 * byte a character, every ASCII byte itself): read as Latin-1, or as UTF-8
 * with no character over one byte (as long as the bytes), and no NUL read as
 * a space or gzip opened on the way.
 */
function readInPlace(decoded: DecodedText, bytes: Uint8Array): boolean {
  return (
    (decoded.encoding === 'utf8' || decoded.encoding === 'latin1') &&
    decoded.text.length === bytes.byteLength &&
    decoded.nul === undefined &&
    decoded.gzip === undefined
  );
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/**
 * Scans a big file piece by piece. Each piece's text starts with the last
 * {@link OVERLAP} characters of the previous one; the middle of that overlap is
 * the border between the two, and a finding belongs to the piece whose side of
 * the border it starts on. A secret shorter than half the overlap is therefore
 * seen whole, and reported once.
 */
async function scanInPieces(engine: Engine, entry: FileEntry, origin: Origin): Promise<Outcome> {
  const found = emptyResult();
  let handle;
  try {
    handle = await open(entry.absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
    const sniff = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(sniff, 0, sniff.length, 0);
    const head = sniffHead(sniff.subarray(0, bytesRead), entry.path);
    // gzip this big would expand past what decompressing holds in memory (sources/gzip.ts).
    if (head.kind === 'gzip')
      return { kind: 'skipped', path: entry.path, reason: 'too-large', detail: 'gzip over 16 MiB is not decompressed' };
    if (head.kind === 'binary') return await scanBinaryPieces(engine, handle, entry, origin);
    const { encoding, skip: bom } = head;
    const decoder = new PieceDecoder(encoding);
    const buffer = Buffer.alloc(PIECE_BYTES);
    let carry = '';
    let firstLine = 1;
    let firstColumn = 1;
    let position = bom;
    for (;;) {
      const { bytesRead: n } = await handle.read(buffer, 0, buffer.length, position);
      position += n;
      const last = n === 0;
      const text = carry + (last ? decoder.end() : decoder.write(buffer.subarray(0, n)));
      const lower = Math.floor(carry.length / 2);
      const keep = last ? 0 : Math.min(OVERLAP, text.length);
      const upper = last ? Infinity : text.length - keep + Math.floor(keep / 2);
      const result = await engine.scanPrepared({ text, origin, firstLine, firstColumn });
      addResult(found, { ...result, findings: result.findings.filter((f) => f.offset >= lower && f.offset < upper) });
      if (last) break;
      const dropped = text.slice(0, text.length - keep);
      // A CRLF split between the dropped part and the carry is one line break, not two.
      firstLine += countLineBreaks(dropped) - (dropped.endsWith('\r') && text.charCodeAt(dropped.length) === 10 ? 1 : 0);
      // The carry may start in the middle of a line (a minified file is one line): columns go on from there.
      const lastBreak = Math.max(dropped.lastIndexOf('\n'), dropped.lastIndexOf('\r'));
      firstColumn = lastBreak === -1 ? firstColumn + dropped.length : dropped.length - lastBreak;
      carry = text.slice(text.length - keep);
    }
    return { kind: 'scanned', path: entry.path, bytes: position, result: found, encoding };
  } catch (error) {
    // Out of time in one piece: the pieces before it were scanned, and what they gave stands.
    if (error instanceof ScanTimeoutError) throw withPartial(error, found);
    return { kind: 'skipped', path: entry.path, reason: errorReason((error as NodeJS.ErrnoException).code) };
  } finally {
    await handle?.close();
  }
}

/**
 * A binary file too big to read at once: the printable runs of each piece
 * (pieces overlap by {@link OVERLAP} bytes; a finding belongs to the piece
 * whose side of the overlap's middle it starts on), scanned with the cheap,
 * certain rules and located by byte offset.
 */
async function scanBinaryPieces(engine: Engine, handle: FileHandle, entry: FileEntry, origin: Origin): Promise<Outcome> {
  const buffer = Buffer.alloc(PIECE_BYTES);
  const found = emptyResult();
  let position = 0;
  for (;;) {
    const { bytesRead: n } = await handle.read(buffer, 0, buffer.length, position);
    if (n === 0) break;
    const last = n < buffer.length;
    const strings = printableRuns(buffer.subarray(0, n), position);
    const result = locateInBinary(engine.scanCertain({ text: strings.text, origin }), strings);
    const lower = position === 0 ? 0 : position + OVERLAP / 2;
    const upper = last ? Infinity : position + n - OVERLAP / 2;
    addResult(found, { ...result, findings: result.findings.filter((f) => f.offset >= lower && f.offset < upper) });
    if (last) {
      position += n;
      break;
    }
    position += n - OVERLAP;
  }
  return { kind: 'scanned', path: entry.path, bytes: position, result: found, encoding: 'binary' };
}
