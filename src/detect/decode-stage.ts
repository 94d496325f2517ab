import { LineIndex } from '../core/location.js';
import type { Chunk, Finding, LineRange, Origin } from '../core/types.js';
import { findSegments, type Encoding, type Segment } from './decode.js';
import { findFormatSegments } from './decode-formats.js';
import { buildSnippet, MaskedSpans, type Span } from './snippet.js';

/**
 * The decode stage: encoded segments of a chunk are decoded and the lines
 * around each are scanned again with the decoded text in the segment's place,
 * so variable names and `near` context still apply (`password: <base64>` in a
 * Kubernetes Secret reads as `password: <value>`). A finding inside decoded
 * text is reported at the encoded segment, with `decoded` naming the
 * encodings, outermost first. Decoded text is searched again, up to `depth`
 * layers. Pure and synchronous, like the engine it serves.
 */

/** Lines above and below a segment scanned with it (the widest `near` in the built-in rules is 15; `auths` may sit further up, but its own value is what matters). */
const CONTEXT_LINES = 15;
/** Characters of context on each side at most (minified files have no lines to count). */
const CONTEXT_CHARS = 2048;
/** Segments decoded in one text and layer at most, so a file of a million tiny blobs stays linear. */
const MAX_SEGMENTS = 2000;

/** What the decode stage needs from the engine. */
export interface DecodeHost {
  /** Scans a chunk without decoding; `hints` tells which FORMAT_HINTS occur in it. */
  scanPlain(chunk: Chunk): { findings: Finding[]; hints: number };
  /** Higher is more specific: a provider rule beats a generic one, then higher confidence. */
  rank(finding: Finding): number;
}

/** A finding and the span it occupies in the text of its layer. */
export interface DecodedItem {
  finding: Finding;
  start: number;
  end: number;
  /** Encodings between this layer's text and the finding, outermost first. */
  chain: Encoding[];
}

interface Region {
  start: number;
  end: number;
  segment: Segment;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Format values first (they are certain), then shapes; a segment overlapping an earlier choice is dropped. */
function chooseSegments(text: string, ranges: readonly { start: number; end: number }[] | undefined, hints: number | undefined): Segment[] {
  const inRanges = (s: Segment): boolean => !ranges || ranges.some((r) => s.start >= r.start && s.end <= r.end);
  const formats = findFormatSegments(text, hints).filter(inRanges);
  const shapes = ranges ? ranges.flatMap((r) => findSegments(text, r.start, r.end)) : findSegments(text);
  const chosen: Segment[] = [];
  for (const segment of [...formats.sort((a, b) => a.start - b.start), ...shapes.sort((a, b) => b.end - b.start - (a.end - a.start))]) {
    if (chosen.length >= MAX_SEGMENTS) break;
    if (!chosen.some((c) => overlaps(c, segment))) chosen.push(segment);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Offsets of up to CONTEXT_LINES lines around [start, end). */
function contextAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  const fromLimit = Math.max(0, start - CONTEXT_CHARS);
  for (let lines = 0; from > fromLimit; from--) if (text.charCodeAt(from - 1) === 10 && ++lines > CONTEXT_LINES) break;
  let to = end;
  const toLimit = Math.min(text.length, end + CONTEXT_CHARS);
  for (let lines = 0; to < toLimit; to++) if (text.charCodeAt(to) === 10 && ++lines > CONTEXT_LINES) break;
  return { start: from, end: to };
}

/** Keeps the more specific of overlapping findings; on a tie the decoded one, whose secret is the real credential. */
function merge(direct: DecodedItem[], decoded: DecodedItem[], rank: (f: Finding) => number): DecodedItem[] {
  const keptDecoded = decoded.filter((e) => !direct.some((d) => overlaps(d, e) && rank(d.finding) > rank(e.finding)));
  const keptDirect = direct.filter((d) => !keptDecoded.some((e) => overlaps(d, e) && rank(e.finding) >= rank(d.finding)));
  return [...keptDirect, ...keptDecoded];
}

/** Findings of one synthesized text that lie in its decoded regions, plus what deeper layers find there. */
function layer(host: DecodeHost, text: string, origin: Origin, depth: number, regions: readonly Region[]): DecodedItem[] {
  const plain = host.scanPlain({ text, origin });
  const direct = plain.findings
    .map((finding) => ({ finding, start: finding.offset, end: finding.offset + finding.secret.length, chain: [] as Encoding[] }))
    .filter((item) => regions.some((r) => overlaps(r, item)));
  if (depth <= 0) return direct;
  return merge(direct, decodeLayer(host, text, origin, depth, regions, plain.hints), (f) => host.rank(f));
}

/**
 * Decodes the segments of `text` (inside `regions` when given) and returns
 * what the layers below find, each at the span of its encoded segment.
 * `hints`: which FORMAT_HINTS occur in `text`, when the caller knows.
 */
export function decodeLayer(
  host: DecodeHost,
  text: string,
  origin: Origin,
  depth: number,
  regions?: readonly Region[],
  hints?: number,
): DecodedItem[] {
  const segments = chooseSegments(text, regions, hints);
  if (segments.length === 0) return [];
  // Segments whose context overlaps are scanned together, in one synthesized text.
  const groups: { start: number; end: number; segments: Segment[] }[] = [];
  for (const segment of segments) {
    const around = contextAround(text, segment.start, segment.end);
    const last = groups[groups.length - 1];
    if (last && around.start <= last.end) {
      last.end = Math.max(last.end, around.end);
      last.segments.push(segment);
    } else {
      groups.push({ ...around, segments: [segment] });
    }
  }
  const out: DecodedItem[] = [];
  for (const group of groups) {
    let synthesized = '';
    let cursor = group.start;
    const inner: Region[] = [];
    for (const segment of group.segments) {
      synthesized += text.slice(cursor, segment.start);
      inner.push({ start: synthesized.length, end: synthesized.length + segment.replacement.length, segment });
      synthesized += segment.replacement;
      cursor = segment.end;
    }
    synthesized += text.slice(cursor, group.end);
    // `user:password` plus its synthesized `password=` line can show one secret twice, to two rules: keep the most specific.
    const bySecret = new Map<string, DecodedItem>();
    for (const item of layer(host, synthesized, origin, depth - 1, inner)) {
      const region = inner.find((r) => overlaps(r, item))!;
      const key = `${region.segment.start}\0${item.finding.secret}`;
      const known = bySecret.get(key);
      if (known && host.rank(known.finding) >= host.rank(item.finding)) continue;
      bySecret.set(key, {
        finding: item.finding,
        start: region.segment.start,
        end: region.segment.end,
        chain: [region.segment.encoding, ...item.chain],
      });
    }
    out.push(...bySecret.values());
  }
  return out;
}

export interface DecodeOutcome {
  /** The chunk's own findings, minus those a decoded finding replaced. */
  direct: Finding[];
  /** Findings inside encoded segments, located at the segments. */
  decoded: Finding[];
}

export interface FinishOptions {
  redact: boolean;
  /** Report only findings that touch these lines. */
  lines?: readonly LineRange[];
  /** Whether an inline marker on the chunk allows `ruleId` on `line`. */
  allowedInline?: (lines: LineIndex, line: number, ruleId: string) => boolean;
}

/** The spans of the encoded segments that findings were made of: snippets mask them whole. */
export function segmentSpans(items: readonly DecodedItem[]): Span[] {
  return [...new Map(items.map((i) => [i.start, { start: i.start, end: i.end, whole: true }])).values()];
}

/**
 * Turns what {@link decodeLayer} found in a chunk into findings of the chunk:
 * the location and snippet of the encoded segment (masked whole: its first
 * characters spell the secret's first bytes in another alphabet), the decoded
 * secret, fingerprint and context. Overlapping direct findings are resolved
 * against them.
 */
export function finishDecoded(
  host: DecodeHost,
  chunk: Chunk,
  direct: Finding[],
  items: DecodedItem[],
  options: FinishOptions,
): DecodeOutcome {
  const directItems = direct.map((finding) => ({
    finding,
    start: finding.offset,
    end: finding.offset + finding.secret.length,
    chain: [] as Encoding[],
  }));
  const kept = merge(directItems, items, (f) => host.rank(f));
  const lines = new LineIndex(chunk.text, chunk.firstLine ?? 1, chunk.firstColumn ?? 1);
  const segments = segmentSpans(items);
  const masked: Span[] = [...direct.map((f) => ({ start: f.offset, end: f.offset + f.secret.length })), ...segments];
  const decoded: Finding[] = [];
  for (const item of kept) {
    if (item.chain.length === 0) continue;
    const location = lines.span(item.start, item.end);
    if (options.lines && !options.lines.some((r) => r.start <= location.endLine && r.end >= location.line)) continue;
    if (options.allowedInline?.(lines, location.line, item.finding.ruleId)) continue;
    decoded.push({
      ...item.finding,
      ...location,
      path: chunk.origin.path,
      origin: chunk.origin,
      offset: item.start,
      snippet: buildSnippet(chunk.text, lines, { start: item.start, end: item.end }, new MaskedSpans(masked), options.redact),
      decoded: item.chain.join('/'),
    });
  }
  return { direct: kept.filter((i) => i.chain.length === 0).map((i) => i.finding), decoded };
}

/**
 * The chunk's findings with those inside its encoded segments ({@link decodeLayer}'s
 * items), in order of offset. `markers`: the chunk's inline markers, when it has any.
 */
export function withDecoded(
  host: DecodeHost,
  chunk: Chunk,
  findings: Finding[],
  items: DecodedItem[],
  options: { redact: boolean; markers?: (lines: LineIndex) => { allows(line: number, ruleId: string): unknown } },
): Finding[] {
  const { markers } = options;
  const { direct, decoded } = finishDecoded(host, chunk, findings, items, {
    redact: options.redact,
    ...(chunk.lines ? { lines: chunk.lines } : {}),
    ...(markers ? { allowedInline: (lines, line, ruleId) => markers(lines).allows(line, ruleId) !== undefined } : {}),
  });
  return [...direct, ...decoded].sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
}
