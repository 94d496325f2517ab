import type { LineIndex } from '../core/location.js';
import { redact } from '../core/redact.js';

/** Longest snippet shown; long lines (minified files) are cut around the secret. */
const MAX_SNIPPET = 160;
const WHOLE_MASK = '*'.repeat(12);

export interface Span {
  start: number;
  end: number;
  /** Mask all of it, no visible prefix: an encoded segment's first characters spell its secret's first bytes. */
  whole?: boolean;
}

/**
 * The first line of a finding, with every candidate span on it masked (not only
 * this finding's: a key id next to its secret must not leak through the
 * secret's snippet) unless redaction is off.
 */
/**
 * The spans to mask in a chunk, sorted once so each snippet finds the few on
 * its line by binary search (a minified line can hold thousands of candidates).
 */
export class MaskedSpans {
  private readonly spans: Span[];
  private readonly longest: number;

  constructor(spans: readonly Span[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
    this.longest = this.spans.reduce((max, s) => Math.max(max, s.end - s.start), 0);
  }

  /** Spans that overlap [from, to). */
  overlapping(from: number, to: number): Span[] {
    let low = 0;
    let high = this.spans.length;
    const earliest = from - this.longest;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.spans[mid]!.start < earliest) low = mid + 1;
      else high = mid;
    }
    const out: Span[] = [];
    for (let i = low; i < this.spans.length && this.spans[i]!.start < to; i++) {
      if (this.spans[i]!.end > from) out.push(this.spans[i]!);
    }
    return out;
  }
}

export function buildSnippet(text: string, lines: LineIndex, secret: Span, masked: MaskedSpans, redactOn: boolean): string {
  const line = lines.position(secret.start).line;
  const bounds = lines.lineBounds(line);
  let from = bounds.start;
  let to = bounds.end;
  if (to - from > MAX_SNIPPET) {
    from = Math.max(bounds.start, secret.start - MAX_SNIPPET / 2);
    to = Math.min(bounds.end, Math.max(from + MAX_SNIPPET, Math.min(secret.end, from + MAX_SNIPPET * 2)));
  }
  if (!redactOn) return decorate(text.slice(from, to).trim(), from > bounds.start, to < bounds.end);
  const spans = masked.overlapping(from, to).sort((a, b) => a.start - b.start || Number(b.whole ?? false) - Number(a.whole ?? false));
  let out = '';
  let cursor = from;
  for (const span of spans) {
    if (span.end <= cursor) continue;
    if (span.start < cursor) {
      // The tail of a span that began before the cut (or overlaps the previous one).
      out += '****';
      cursor = span.end;
      continue;
    }
    out += text.slice(cursor, span.start) + (span.whole ? WHOLE_MASK : redact(text.slice(span.start, span.end)));
    cursor = span.end;
  }
  // A span that runs past `to` is masked whole, so nothing of it leaks after the cut.
  out += cursor < to ? text.slice(cursor, to) : '';
  return decorate(out.trim(), from > bounds.start, to < bounds.end);
}

function decorate(snippet: string, cutStart: boolean, cutEnd: boolean): string {
  return `${cutStart ? '…' : ''}${snippet}${cutEnd ? '…' : ''}`;
}
