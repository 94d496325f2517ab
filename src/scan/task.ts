import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { ScanTimeoutError } from '../core/errors.js';
import type { LineRange, Origin, ScanResult } from '../core/types.js';
import type { Engine } from '../detect/engine.js';
import { decodeBytes } from '../sources/decode.js';
import { errorReason, type FileEntry } from '../sources/fs.js';
import type { Task, TaskOutcome } from '../sources/source.js';
import { timedOut, withPartial } from './outcome.js';

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
  let bytes: Buffer;
  try {
    bytes = readWhole(entry.absolutePath);
  } catch (error) {
    if (error instanceof NotRegularFile) return { kind: 'skipped', path: entry.path, reason: 'not-regular-file' };
    return { kind: 'skipped', path: entry.path, reason: errorReason((error as NodeJS.ErrnoException).code) };
  }
  return scanBytes(engine, bytes, origin);
}

class NotRegularFile extends Error {}

/**
 * Reads a whole (small) file with blocking calls: from the page cache that is
 * about five times cheaper than the promise API's open/stat/read/close round
 * trips, and a scanning thread has nothing else to do meanwhile. O_NONBLOCK:
 * if a FIFO or device took the file's place since it was listed, opening it
 * must not wait for a writer; it is then refused as not a regular file.
 */
function readWhole(file: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new NotRegularFile();
    const buffer = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const n = readSync(fd, buffer, filled, info.size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return filled === info.size ? buffer : buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

async function scanBytes(engine: Engine, bytes: Uint8Array, origin: Origin, lines?: LineRange[]): Promise<Outcome> {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { kind: 'skipped', path: origin.path, reason: decoded.reason };
  const result = await engine.scanPrepared(lines ? { text: decoded.text, origin, lines } : { text: decoded.text, origin });
  return { kind: 'scanned', path: origin.path, bytes: bytes.byteLength, result, encoding: decoded.encoding };
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
  const findings: ScanResult['findings'] = [];
  const suppressed: ScanResult['suppressed'] = [];
  let handle;
  try {
    handle = await open(entry.absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
    const sniff = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(sniff, 0, sniff.length, 0);
    const head = decodeBytes(sniff.subarray(0, bytesRead));
    if (!head.ok) return { kind: 'skipped', path: entry.path, reason: head.reason };
    const { encoding } = head;
    // Byte-order marks are not text; UTF-16 pieces are decoded whole code units at a time (StringDecoder carries a split one).
    const bom =
      encoding === 'utf16le' || encoding === 'utf16be'
        ? 2
        : bytesRead >= 3 && sniff[0] === 0xef && sniff[1] === 0xbb && sniff[2] === 0xbf
          ? 3
          : 0;
    const decoder = new StringDecoder(encoding === 'utf8' ? 'utf8' : encoding === 'latin1' ? 'latin1' : 'utf16le');
    const buffer = Buffer.alloc(PIECE_BYTES);
    let carry = '';
    let firstLine = 1;
    let firstColumn = 1;
    let position = bom;
    for (;;) {
      let { bytesRead: n } = await handle.read(buffer, 0, buffer.length, position);
      // Big-endian UTF-16 is swapped to little-endian in whole code units; an odd last byte waits for the next read.
      if (encoding === 'utf16be') {
        if (n % 2 === 1 && n > 1) n--;
        buffer.subarray(0, n - (n % 2)).swap16();
      }
      position += n;
      const last = n === 0;
      const text = carry + (last ? decoder.end() : decoder.write(buffer.subarray(0, n)));
      const lower = Math.floor(carry.length / 2);
      const keep = last ? 0 : Math.min(OVERLAP, text.length);
      const upper = last ? Infinity : text.length - keep + Math.floor(keep / 2);
      const result = await engine.scanPrepared({ text, origin, firstLine, firstColumn });
      findings.push(...result.findings.filter((f) => f.offset >= lower && f.offset < upper));
      suppressed.push(...result.suppressed);
      if (last) break;
      const dropped = text.slice(0, text.length - keep);
      // A CRLF split between the dropped part and the carry is one line break, not two.
      firstLine += countLineBreaks(dropped) - (dropped.endsWith('\r') && text.charCodeAt(dropped.length) === 10 ? 1 : 0);
      // The carry may start in the middle of a line (a minified file is one line): columns go on from there.
      const lastBreak = Math.max(dropped.lastIndexOf('\n'), dropped.lastIndexOf('\r'));
      firstColumn = lastBreak === -1 ? firstColumn + dropped.length : dropped.length - lastBreak;
      carry = text.slice(text.length - keep);
    }
    return { kind: 'scanned', path: entry.path, bytes: position, result: { findings, suppressed }, encoding };
  } catch (error) {
    // Out of time in one piece: the pieces before it were scanned, and what they gave stands.
    if (error instanceof ScanTimeoutError) throw withPartial(error, { findings, suppressed });
    return { kind: 'skipped', path: entry.path, reason: errorReason((error as NodeJS.ErrnoException).code) };
  } finally {
    await handle?.close();
  }
}
