import { isUtf8 } from 'node:buffer';
import type { Chunk, LineRange, Origin } from '../../core/types.js';
import { decodeBytes } from '../decode.js';
import { countLineBreaks, linesAfter, linesBefore, newLineRuns, type ByteSpan } from './changes.js';

/**
 * Chunks to scan for one blob: its new lines with `context` lines around them
 * (enough for rules that look at nearby lines), restricted through
 * `Chunk.lines` so only secrets on new lines are reported. A blob with no base
 * is scanned whole. Region chunks number their lines from 1; `start` is where
 * the region begins in the blob, so the caller shifts findings by the line
 * breaks before it (computed only when there are findings, which is rare).
 */
export interface BlobChunk {
  chunk: Chunk;
  /** Byte offset of the chunk's first line in the blob; 0 when line numbers are already absolute. */
  start: number;
}

export type BlobChunks =
  | { kind: 'chunks'; chunks: BlobChunk[]; bytes: number }
  | { kind: 'skip'; reason: 'binary' };

/** Above this share of the blob, one whole-blob chunk is cheaper than many regions. */
const WHOLE_SHARE = 0.5;
const SNIFF_BYTES = 8192;

type Encoding = 'utf8' | 'latin1' | 'utf16' | 'binary';

/** The same verdict `decodeBytes` reaches, without decoding anything. */
export function sniffEncoding(data: Buffer): Encoding {
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) return 'utf16';
  if (data.subarray(0, SNIFF_BYTES).includes(0)) return 'binary';
  const body = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  return isUtf8(body) ? 'utf8' : 'latin1';
}

export function blobChunks(data: Buffer, base: Buffer | undefined, origin: Origin, context: number): BlobChunks {
  const encoding = sniffEncoding(data);
  if (encoding === 'binary') return { kind: 'skip', reason: 'binary' };
  if (!base || encoding === 'utf16') return whole(data, origin);
  const runs = newLineRuns(base, data);
  if (runs.length === 0) return { kind: 'chunks', chunks: [], bytes: 0 };
  const regions = withContext(data, runs, context);
  const regionBytes = regions.reduce((sum, region) => sum + region.end - region.start, 0);
  if (regionBytes >= data.length * WHOLE_SHARE) return whole(data, origin, absoluteRanges(data, runs));
  const bom = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  const chunks = regions.map((region): BlobChunk => {
    const from = region.start === 0 ? bom : region.start;
    const lines = region.runs.map((run) => ({
      start: 1 + countLineBreaks(data, region.start, run.start),
      end: 1 + countLineBreaks(data, region.start, Math.max(run.start, run.end - 1)),
    }));
    return { chunk: { text: data.toString(encoding, from, region.end), origin, lines }, start: region.start };
  });
  return { kind: 'chunks', chunks, bytes: regionBytes };
}

function whole(data: Buffer, origin: Origin, lines?: LineRange[]): BlobChunks {
  const decoded = decodeBytes(data);
  if (!decoded.ok) return { kind: 'skip', reason: decoded.reason };
  const chunk: Chunk = lines ? { text: decoded.text, origin, lines } : { text: decoded.text, origin };
  return { kind: 'chunks', chunks: [{ chunk, start: 0 }], bytes: data.length };
}

interface Region extends ByteSpan {
  runs: ByteSpan[];
}

/** Widens each run by `context` lines each way and merges regions that meet. */
function withContext(data: Buffer, runs: readonly ByteSpan[], context: number): Region[] {
  const regions: Region[] = [];
  for (const run of runs) {
    const start = linesBefore(data, run.start, context);
    const end = linesAfter(data, run.end, context);
    const last = regions[regions.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.runs.push(run);
    } else regions.push({ start, end, runs: [run] });
  }
  return regions;
}

/** 1-based line ranges of runs in the whole blob. */
export function absoluteRanges(data: Buffer, runs: readonly ByteSpan[]): LineRange[] {
  const ranges: LineRange[] = [];
  let line = 1;
  let at = 0;
  for (const run of runs) {
    line += countLineBreaks(data, at, run.start);
    const end = line + countLineBreaks(data, run.start, Math.max(run.start, run.end - 1));
    ranges.push({ start: line, end });
    line = end;
    at = Math.max(run.start, run.end - 1);
  }
  return ranges;
}
