import { LineIndex } from '../core/location.js';
import type { Chunk, Finding, ScanResult, Suppressed } from '../core/types.js';
import { maskAfterDrop } from '../core/redact.js';
import type { Candidate, Filter, FilterContext } from './filters/index.js';
import { InlineMarkers } from './inline.js';
import { resolveOverlaps } from './overlap.js';
import { buildSnippet, MaskedSpans, type Span } from './snippet.js';

/** What the judgement needs from the engine. */
/** Shortest dropped secret kept for the masking step without `--explain`. */
const MASKED_MIN = 8;

export interface JudgeHost {
  filters: readonly Filter[];
  /** Collect dropped candidates with their reasons (`--explain`). */
  explain: boolean;
  /** Mask secrets in snippets. */
  redact: boolean;
  /** Whether a word after an inline marker names a rule. */
  namesRule(token: string): boolean;
}

/** What became of one candidate. Stored in one assignment, so a judgement stopped anywhere holds only whole verdicts. */
type Verdict =
  { kind: 'outside' } | { kind: 'drop'; filter: string; reason: string } | { kind: 'inline'; reason: string } | { kind: 'keep' };

/**
 * The filters, inline markers and overlap resolution over one chunk's
 * candidates, one candidate at a time: {@link consider} judges a candidate and
 * {@link finish} turns the judged ones into a result. The engine's time budget
 * can stop it between (or in the middle of) two candidates; {@link finish}
 * then reports what was judged, which is how a timed-out chunk keeps its
 * findings (engine.ts).
 */
export class Judgement {
  readonly lines: LineIndex;
  private readonly context: FilterContext;
  private readonly markers: InlineMarkers | undefined;
  private readonly verdicts: (Verdict | undefined)[];
  private secretLines: Set<number> | undefined;

  constructor(
    private readonly host: JudgeHost,
    private readonly chunk: Chunk,
    readonly candidates: readonly Candidate[],
    markersSeen: boolean,
  ) {
    this.lines = new LineIndex(chunk.text, chunk.firstLine ?? 1, chunk.firstColumn ?? 1);
    this.context = { chunk, text: chunk.text, lines: this.lines };
    this.markers = markersSeen ? new InlineMarkers(chunk.text, this.lines, (token) => host.namesRule(token)) : undefined;
    this.verdicts = new Array<Verdict | undefined>(candidates.length);
  }

  /** Whether candidate `index` has its verdict. */
  judged(index: number): boolean {
    return this.verdicts[index] !== undefined;
  }

  /** Judges candidate `index`: the filters in order, then inline markers. */
  consider(index: number): void {
    const candidate = this.candidates[index]!;
    this.verdicts[index] = this.verdictOf(candidate);
  }

  private verdictOf(candidate: Candidate): Verdict {
    const { chunk, lines } = this;
    if (chunk.lines && !touchesLines(lines, candidate, chunk.lines)) return { kind: 'outside' };
    for (const filter of this.host.filters) {
      const verdict = filter(candidate, this.context);
      if (verdict) return { kind: 'drop', filter: verdict.filter, reason: verdict.reason };
    }
    if (this.markers) {
      // A marker on the first line of a multi-line secret, or the line before, covers all of it.
      const secretLine = lines.position(candidate.secretStart).line;
      const place = {
        secretLine,
        matchLine: lines.position(candidate.start).line,
        multiLine: lines.position(Math.max(candidate.secretStart, candidate.secretEnd - 1)).line > secretLine,
      };
      const allowance = this.markers.allowsCandidate(place, candidate.rule.spec.id, (line) => this.occupied(line));
      if (allowance) return { kind: 'inline', reason: `inline marker ${allowance.marker} on line ${allowance.markerLine}` };
    }
    return { kind: 'keep' };
  }

  /** Whether a candidate's secret starts on `line` (a marker line that holds a secret of its own covers only that one). */
  private occupied(line: number): boolean {
    this.secretLines ??= new Set(this.candidates.map((c) => this.lines.position(c.secretStart).line));
    return this.secretLines.has(line);
  }

  /**
   * The result over the candidates judged so far, in their order: dropped ones
   * (under `--explain`), checksum vetoes, overlap resolution, findings.
   * `extraMasked` spans are masked in snippets too.
   */
  finish(extraMasked: readonly Span[] = []): ScanResult {
    const { chunk, lines } = this;
    const suppressed: Suppressed[] = [];
    const dropped = new Set<string>();
    const drop = (candidate: Candidate, filter: string, reason: string): void => {
      if (!this.host.explain) {
        // Without --explain only the secret is kept, for the masking step; shorter ones cannot leak a telling part.
        if (candidate.secret.length >= MASKED_MIN && maskAfterDrop(filter)) dropped.add(candidate.secret);
        return;
      }
      const { line, column } = lines.position(candidate.secretStart);
      suppressed.push({
        ruleId: candidate.rule.spec.id,
        path: chunk.origin.path,
        line,
        column,
        filter,
        reason,
        secret: candidate.secret,
        // A fingerprint costs a scrypt: the runner makes them for what it reports (scan/fingerprints.ts).
        fingerprint: '',
        origin: chunk.origin,
      });
    };

    const kept: Candidate[] = [];
    // A token whose format is known but whose checksum fails is not a secret, so
    // generic rules must not report the same text either.
    const vetoes: Candidate[] = [];
    // Candidates an inline marker allowed, with the reason: they still take part in overlap
    // resolution, so a generic match inside an allowed private key is not reported either.
    const allowedInline = new Map<Candidate, string>();
    this.candidates.forEach((candidate, index) => {
      const verdict = this.verdicts[index];
      if (verdict === undefined || verdict.kind === 'outside') return;
      if (verdict.kind === 'drop') {
        drop(candidate, verdict.filter, verdict.reason);
        // A bad checksum, or a .gitleaksignore entry for this place, also covers generic matches of the same text.
        if (verdict.filter === 'checksum' || verdict.filter === 'gitleaksignore') vetoes.push(candidate);
      } else if (verdict.kind === 'inline') {
        drop(candidate, 'inline', verdict.reason);
        allowedInline.set(candidate, verdict.reason);
      } else kept.push(candidate);
    });

    const vetoed = (c: Candidate): Candidate | undefined =>
      c.rule.spec.generic ? vetoes.find((v) => v.secretStart < c.secretEnd && c.secretStart < v.secretEnd) : undefined;
    const resolved = resolveOverlaps([
      ...kept.filter((c) => {
        const veto = vetoed(c);
        if (veto && veto.rule.checksum && !veto.rule.checksum.validate(veto.secret))
          drop(c, 'checksum', `the text is a ${veto.rule.spec.id} whose checksum does not match`);
        else if (veto) drop(c, 'gitleaksignore', `the text is a ${veto.rule.spec.id} that .gitleaksignore lists`);
        return !veto;
      }),
      ...allowedInline.keys(),
    ]);
    const winners = resolved.winners.filter((c) => !allowedInline.has(c));
    for (const { candidate, winner } of resolved.losers) {
      if (allowedInline.has(candidate)) continue;
      const inline = allowedInline.get(winner);
      if (inline) drop(candidate, 'inline', `${inline} (for the ${winner.rule.spec.id} secret it overlaps)`);
      else drop(candidate, 'overlap', `the same secret is reported as ${winner.rule.spec.id}`);
    }

    // Every candidate is masked, judged or not: a key id next to its secret must not leak through the secret's snippet.
    const masked = new MaskedSpans([...extraMasked, ...this.candidates.map((c) => ({ start: c.secretStart, end: c.secretEnd }))]);
    const findings = winners.map((candidate) => this.toFinding(candidate, masked));
    return dropped.size > 0 ? { findings, suppressed, dropped: [...dropped] } : { findings, suppressed };
  }

  private toFinding(candidate: Candidate, masked: MaskedSpans): Finding {
    const { chunk, lines } = this;
    const spec = candidate.rule.spec;
    const location = lines.span(candidate.secretStart, candidate.secretEnd);
    const finding: Finding = {
      ruleId: spec.id,
      title: spec.title,
      provider: spec.provider,
      providerKey: spec.providerKey,
      severity: spec.severity,
      confidence: spec.confidence,
      path: chunk.origin.path,
      ...location,
      secret: candidate.secret,
      match: candidate.match,
      snippet: buildSnippet(chunk.text, lines, { start: candidate.secretStart, end: candidate.secretEnd }, masked, this.host.redact),
      fingerprint: '',
      entropy: Math.round(candidate.entropy * 1000) / 1000,
      offset: candidate.secretStart,
      origin: chunk.origin,
      remediation: spec.remediation,
      references: spec.references,
    };
    if (candidate.context) finding.context = candidate.context;
    if (candidate.related) finding.related = candidate.related;
    if (spec.tags) finding.tags = spec.tags;
    return finding;
  }
}

function touchesLines(lines: LineIndex, candidate: Candidate, ranges: readonly { start: number; end: number }[]): boolean {
  const first = lines.position(candidate.secretStart).line;
  const last = lines.position(Math.max(candidate.secretStart, candidate.secretEnd - 1)).line;
  return ranges.some((range) => range.start <= last && range.end >= first);
}
