import { ScanTimeoutError } from '../core/errors.js';
import { fingerprint } from '../core/fingerprint.js';
import { LineIndex } from '../core/location.js';
import type { Chunk, Finding, RuleSpec, ScanResult, Suppressed } from '../core/types.js';
import { compileRules, type CompiledRule } from '../rules/compile.js';
import { OutOfTime, runWithin } from './budget.js';
import { withoutScannedText } from './scrub.js';
import { findAnchoredCandidates, findCandidates } from './candidates.js';
import { FORMAT_HINTS } from './decode-formats.js';
import { decodeLayer, finishDecoded, segmentSpans, type DecodeHost } from './decode-stage.js';
import { candidateFilters, type Candidate, type Filter, type FilterContext, type GlobalAllow } from './filters/index.js';
import { InlineMarkers } from './inline.js';
import { resolveOverlaps } from './overlap.js';
import { KeywordRouter, type Routes } from './routing.js';
import { buildSnippet, MaskedSpans, type Span } from './snippet.js';
import { loadTokenizer, TokenizerNotLoaded } from './tokenizer.js';
import { windowsAround } from './windows.js';

export interface EngineOptions {
  /** Collect dropped candidates with their reasons (`--explain`). Default false. */
  explain?: boolean;
  /** Mask secrets in snippets. Default true; only `--no-redact` turns it off. */
  redact?: boolean;
  /** Project-wide allow regexes and stop-words. */
  allow?: GlobalAllow;
  /**
   * Layers of encoding (base64, hex, percent-encoding, `\u`/`\x` escapes) to
   * look through for secrets (docs/decoding.md). Default 2; 0 turns decoding off.
   */
  decode?: number;
  /**
   * Milliseconds one `scan(chunk)` may take (`--file-timeout`); past it the
   * scan stops with a {@link ScanTimeoutError} and callers report the file as
   * skipped (`timeout`). Default {@link DEFAULT_BUDGET_MS}; 0 turns it off.
   */
  budgetMs?: number;
  /**
   * Where scanning time goes (bench/profile.mjs): milliseconds added up across
   * chunks. Off (undefined) by default; costs four clock reads a chunk when on.
   */
  timings?: EngineTimings;
}

/** Milliseconds per phase of {@link Engine.scan}. `decode` includes rescanning decoded text. */
export interface EngineTimings {
  prefilter: number;
  decode: number;
  regex: number;
  filters: number;
}

/** Default per-chunk time budget: a 16 MiB piece takes about a second; this is for text built to stall a regex. */
export const DEFAULT_BUDGET_MS = 30_000;
/**
 * Chunks this long and longer run under a watchdog that can stop a regex in
 * the middle of a match (budget.ts); shorter ones only check the clock between
 * rules and candidates, since no lint-clean pattern can backtrack for long on
 * them and the watchdog's thread would cost more than their scan.
 */
export const WATCHDOG_CHARS = 64 * 1024;

const CONFIDENCE_RANK = { high: 3, medium: 2, low: 1 } as const;

/**
 * Compiles rules once and scans chunks: keyword prefilter, regexes in windows
 * around keyword hits, the filter chain, inline markers, overlap resolution.
 * Pure and synchronous, so it runs the same in worker threads. It knows nothing
 * of files, git or GitHub: provenance rides along in `chunk.origin`.
 */
export class Engine {
  readonly rules: readonly CompiledRule[];
  private readonly router: KeywordRouter;
  private readonly reported: CompiledRule[];
  /** Per reported rule, its longest keyword: windows reach at least that far past a hit. */
  private readonly longestKeyword: number[];
  private readonly filters: Filter[];
  private readonly ruleIds: Set<string>;
  private readonly providerKeys: Set<string>;
  private readonly decodeHost: DecodeHost;
  /** performance.now() past which the chunk being scanned is out of time. */
  private deadline = Infinity;

  constructor(
    specs: readonly RuleSpec[],
    private readonly options: EngineOptions = {},
  ) {
    this.rules = compileRules(specs);
    this.reported = this.rules.filter((rule) => rule.reported);
    this.ruleIds = new Set(this.rules.map((rule) => rule.spec.id));
    this.providerKeys = new Set(this.rules.map((rule) => rule.spec.providerKey));
    this.longestKeyword = this.reported.map((rule) => Math.max(...rule.spec.keywords.map((k) => k.length)));
    this.router = new KeywordRouter(this.reported, FORMAT_HINTS);
    this.filters = candidateFilters(options.allow);
    const generic = new Set(this.rules.filter((rule) => rule.spec.generic).map((rule) => rule.spec.id));
    this.decodeHost = {
      scanPlain: (chunk) => {
        const routes = this.router.route(chunk.text);
        return { findings: this.scanText(chunk, [], routes).findings, hints: routes.hints };
      },
      rank: (finding) => (generic.has(finding.ruleId) ? 0 : 4) + CONFIDENCE_RANK[finding.confidence],
    };
  }

  /** Loads what the filters may need (the BPE vocabulary) up front; {@link scanPrepared} loads it only when a chunk needs it. */
  async prepare(): Promise<void> {
    if (this.reported.some((rule) => rule.spec.generic)) await loadTokenizer();
  }

  /**
   * {@link scan}, loading the BPE vocabulary first if this chunk turns out to
   * need it (a generic candidate reached the word-likeness check): a small
   * commit without such candidates never pays for loading it.
   */
  async scanPrepared(chunk: Chunk): Promise<ScanResult> {
    try {
      return this.scan(chunk);
    } catch (error) {
      if (!(error instanceof TokenizerNotLoaded)) throw error;
      this.router.reset();
      await loadTokenizer();
      return this.scan(chunk);
    }
  }

  /**
   * Whether a word after an inline marker names a rule: a known id, or an id of
   * a known provider (`github-patt`, a typo, still restricts the marker to
   * rules it names instead of silently allowing every rule). Other words
   * (`false-positive`, `fixture`) are the marker's reason.
   */
  private namesRule(token: string): boolean {
    return this.ruleIds.has(token) || this.providerKeys.has(token.slice(0, token.indexOf('-')));
  }

  /** Scans one chunk. Throws {@link ScanTimeoutError} when it runs past the budget; never for bad input. */
  scan(chunk: Chunk): ScanResult {
    const budget = this.options.budgetMs ?? DEFAULT_BUDGET_MS;
    if (!(budget > 0)) {
      try {
        return this.scanChunk(chunk);
      } catch (error) {
        throw withoutScannedText(error, chunk.text);
      }
    }
    this.deadline = performance.now() + budget;
    try {
      return chunk.text.length >= WATCHDOG_CHARS ? runWithin(budget, () => this.scanChunk(chunk)) : this.scanChunk(chunk);
    } catch (error) {
      // An error raised while handling a match must not carry the match (scrub.ts).
      if (!(error instanceof OutOfTime)) throw withoutScannedText(error, chunk.text);
      // Stopped anywhere, perhaps in the middle of routing: drop the router's half-built state.
      this.router.reset();
      throw new ScanTimeoutError(chunk.origin.path, budget);
    } finally {
      this.deadline = Infinity;
    }
  }

  /** Between rules and candidates: a chunk out of time stops here (the watchdog covers long single matches). */
  private checkBudget(): void {
    if (performance.now() > this.deadline) throw new OutOfTime();
  }

  private scanChunk(chunk: Chunk): ScanResult {
    const depth = this.options.decode ?? 2;
    const timings = this.options.timings;
    let clock = timings ? performance.now() : 0;
    const routes = this.router.route(chunk.text);
    if (timings) clock = lap(timings, 'prefilter', clock);
    // The keyword pass also tells which known encoded formats may occur (FORMAT_HINTS).
    const items = depth > 0 ? decodeLayer(this.decodeHost, chunk.text, chunk.origin, depth, undefined, routes.hints) : [];
    if (timings) lap(timings, 'decode', clock);
    if (items.length === 0) return this.scanText(chunk, [], routes, timings);
    // Snippets mask the encoded segments whole, on every finding's line.
    const result = this.scanText(chunk, segmentSpans(items), routes, timings);
    const redact = this.options.redact !== false;
    const markers = routes.markers
      ? (lines: LineIndex) => new InlineMarkers(chunk.text, lines, (token) => this.namesRule(token))
      : undefined;
    const { direct, decoded } = finishDecoded(this.decodeHost, chunk, result.findings, items, {
      redact,
      ...(chunk.lines ? { lines: chunk.lines } : {}),
      ...(markers ? { allowedInline: (lines, line, ruleId) => markers(lines).allows(line, ruleId) !== undefined } : {}),
    });
    const findings = [...direct, ...decoded].sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
    return { findings, suppressed: result.suppressed };
  }

  /** Scans a chunk's own text (no decoding) given its keyword routes; `extraMasked` spans are masked in snippets too. */
  private scanText(chunk: Chunk, extraMasked: readonly Span[], routes: Routes, timings?: EngineTimings): ScanResult {
    const text = chunk.text;
    if (routes.rules.length === 0) return { findings: [], suppressed: [] };
    const clock = timings ? performance.now() : 0;

    const candidates: Candidate[] = [];
    routes.rules.forEach((ruleIndex, i) => {
      const rule = this.reported[ruleIndex]!;
      this.checkBudget();
      if (rule.matchesPath && !rule.matchesPath(chunk.origin.path)) return;
      const starts = routes.starts[i]!;
      if (rule.sticky) candidates.push(...findAnchoredCandidates(rule, text, starts));
      else candidates.push(...findCandidates(rule, text, windowsAround(text, starts, this.longestKeyword[ruleIndex]!, rule.window)));
    });
    const judged = timings ? lap(timings, 'regex', clock) : 0;
    if (candidates.length === 0) return { findings: [], suppressed: [] };
    const result = this.judge(chunk, candidates, extraMasked, routes.markers);
    if (timings) lap(timings, 'filters', judged);
    return result;
  }

  /** Runs the filters, inline markers and overlap resolution over a chunk's candidates. */
  private judge(chunk: Chunk, candidates: Candidate[], extraMasked: readonly Span[], markersSeen: boolean): ScanResult {
    const lines = new LineIndex(chunk.text, chunk.firstLine ?? 1, chunk.firstColumn ?? 1);
    const context: FilterContext = { chunk, text: chunk.text, lines };
    const markers = markersSeen ? new InlineMarkers(chunk.text, lines, (token) => this.namesRule(token)) : undefined;
    const suppressed: Suppressed[] = [];
    const drop = (candidate: Candidate, filter: string, reason: string): void => {
      if (!this.options.explain) return;
      const { line, column } = lines.position(candidate.secretStart);
      suppressed.push({
        ruleId: candidate.rule.spec.id,
        path: chunk.origin.path,
        line,
        column,
        filter,
        reason,
        secret: candidate.secret,
        fingerprint: fingerprint(candidate.rule.spec.id, candidate.secret),
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
    let secretLines: Set<number> | undefined;
    const occupied = (line: number): boolean => {
      secretLines ??= new Set(candidates.map((c) => lines.position(c.secretStart).line));
      return secretLines.has(line);
    };
    for (const candidate of candidates) {
      this.checkBudget();
      if (chunk.lines && !touchesLines(lines, candidate, chunk.lines)) continue;
      let dropped = false;
      for (const filter of this.filters) {
        const verdict = filter(candidate, context);
        if (verdict) {
          drop(candidate, verdict.filter, verdict.reason);
          // A bad checksum, or a .gitleaksignore entry for this place, also covers generic matches of the same text.
          if (verdict.filter === 'checksum' || verdict.filter === 'gitleaksignore') vetoes.push(candidate);
          dropped = true;
          break;
        }
      }
      if (dropped) continue;
      if (markers) {
        // A marker on the first line of a multi-line secret, or the line before, covers all of it.
        const secretLine = lines.position(candidate.secretStart).line;
        const place = {
          secretLine,
          matchLine: lines.position(candidate.start).line,
          multiLine: lines.position(Math.max(candidate.secretStart, candidate.secretEnd - 1)).line > secretLine,
        };
        const allowance = markers.allowsCandidate(place, candidate.rule.spec.id, occupied);
        if (allowance) {
          const reason = `inline marker ${allowance.marker} on line ${allowance.markerLine}`;
          drop(candidate, 'inline', reason);
          allowedInline.set(candidate, reason);
          continue;
        }
      }
      kept.push(candidate);
    }

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

    const masked = new MaskedSpans([...extraMasked, ...candidates.map((c) => ({ start: c.secretStart, end: c.secretEnd }))]);
    const redactOn = this.options.redact !== false;
    const findings = winners.map((candidate) => this.toFinding(chunk, lines, candidate, masked, redactOn));
    return { findings, suppressed };
  }

  private toFinding(chunk: Chunk, lines: LineIndex, candidate: Candidate, masked: MaskedSpans, redactOn: boolean): Finding {
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
      snippet: buildSnippet(chunk.text, lines, { start: candidate.secretStart, end: candidate.secretEnd }, masked, redactOn),
      fingerprint: fingerprint(spec.id, candidate.secret),
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

/** Adds the time since `since` to a phase; returns now. */
function lap(timings: EngineTimings, phase: keyof EngineTimings, since: number): number {
  const now = performance.now();
  timings[phase] += now - since;
  return now;
}
