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

/** Characters a token is made of: a cut inside a run of them could show part of a secret. */
function tokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 43 || // +
    code === 47 || // /
    code === 61 || // =
    code === 95 || // _
    code === 45 || // -
    code === 46 // .
  );
}

/** Copies of a candidate's secret that are not candidates themselves (a bare second copy on the line). */
const MAX_COPY_SECRETS = 64;

/**
 * The line of a finding, masked, then cut (mask first, then cut: a cut never
 * leaves part of a secret). Masked: every candidate span on the line (not only
 * this finding's: a key id next to its secret must not leak through the
 * secret's snippet), and every other copy of those candidates' secrets on the
 * line, with no context of its own. Long lines (minified files) are cut to
 * {@link MAX_SNIPPET} characters around the secret; a run of token characters
 * that a cut splits is masked whole, so no prefix or suffix of anything
 * shows. Unmasked unless redaction is on.
 */
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
  const spans = masked.overlapping(bounds.start, bounds.end);
  // Bare copies of the same secrets anywhere on the line: masked like the candidates.
  const secrets = [...new Set(spans.filter((span) => !span.whole).map((span) => text.slice(span.start, span.end)))].slice(
    0,
    MAX_COPY_SECRETS,
  );
  const copies: Span[] = [];
  const lineText = text.slice(bounds.start, bounds.end);
  for (const copy of secrets) {
    if (copy.length < 4) continue;
    for (let at = lineText.indexOf(copy); at !== -1; at = lineText.indexOf(copy, at + copy.length)) {
      copies.push({ start: bounds.start + at, end: bounds.start + at + copy.length });
    }
  }
  // Runs of token characters split by the cut: masked whole.
  const edges: Span[] = [];
  if (from > bounds.start && tokenChar(text.charCodeAt(from - 1)) && tokenChar(text.charCodeAt(from))) {
    let end = from;
    while (end < to && tokenChar(text.charCodeAt(end))) end++;
    edges.push({ start: from, end, whole: true });
  }
  if (to < bounds.end && tokenChar(text.charCodeAt(to - 1)) && tokenChar(text.charCodeAt(to))) {
    let start = to;
    while (start > from && tokenChar(text.charCodeAt(start - 1))) start--;
    edges.push({ start, end: to, whole: true });
  }
  // A PEM block's armour line names the key type, not the key: it stays readable, the body is masked.
  const all = [...spans.map(pastArmour(text)), ...copies, ...edges]
    .filter((span) => span.end > from && span.start < to)
    .sort((a, b) => a.start - b.start || Number(b.whole ?? false) - Number(a.whole ?? false) || b.end - a.end);
  let out = '';
  let cursor = from;
  for (const span of all) {
    if (span.end <= cursor) continue;
    if (span.start < cursor) {
      // The tail of a span that began before the cut (or overlaps the previous one).
      out += '****';
      cursor = span.end;
      continue;
    }
    // A span that runs past the cut is masked whole: nothing of it shows after the cut either.
    const whole = span.whole || span.start < from || span.end > to;
    out += text.slice(cursor, span.start) + (whole ? WHOLE_MASK : redact(text.slice(span.start, span.end)));
    cursor = span.end;
  }
  out += cursor < to ? text.slice(cursor, to) : '';
  return decorate(out.trim(), from > bounds.start, to < bounds.end);
}

const ARMOUR = /^-----BEGIN [A-Z0-9 ]{1,64}-----/;

/** A span that starts with a PEM armour line (`-----BEGIN RSA PRIVATE KEY-----`), moved to start after it. */
function pastArmour(text: string): (span: Span) => Span {
  return (span) => {
    const armour = ARMOUR.exec(text.slice(span.start, Math.min(span.end, span.start + 80)));
    return armour && span.start + armour[0].length < span.end ? { ...span, start: span.start + armour[0].length } : span;
  };
}

function decorate(snippet: string, cutStart: boolean, cutEnd: boolean): string {
  return `${cutStart ? '…' : ''}${snippet}${cutEnd ? '…' : ''}`;
}
