import { ScanTimeoutError } from '../core/errors.js';
import type { LineIndex } from '../core/location.js';
import type { Chunk, RuleSpec, ScanResult } from '../core/types.js';
import { compileRules, type CompiledRule } from './compile.js';
import { OutOfTime, runWithin } from './budget.js';
import { withoutScannedText } from './scrub.js';
import { ruleCandidates } from './candidates.js';
import { FORMAT_HINTS } from './decode-formats.js';
import { decodeLayer, segmentSpans, withDecoded, type DecodeHost } from './decode-stage.js';
import { DEFAULT_BUDGET_MS, lap, WATCHDOG_CHARS, type EngineOptions } from './engine-options.js';
import { candidateFilters, type Candidate } from './filters/index.js';
import { InlineMarkers } from './inline.js';
import { Judgement, type JudgeHost } from './judge.js';
import { salvage, type ChunkWork, type Mode } from './salvage.js';
import { RuleView, type Routes } from './routing.js';
import { loadTokenizer, TokenizerNotLoaded, tokenizerLoading } from './tokenizer.js';

export { DEFAULT_BUDGET_MS, WATCHDOG_CHARS, type EngineOptions, type EngineTimings } from './engine-options.js';

const CONFIDENCE_RANK = { high: 3, medium: 2, low: 1 } as const;
/**
 * The least time a stopped scan gives to judging the cheap candidates it had
 * not judged yet: the filters take microseconds a candidate, so this bounds
 * only config allow regexes gone wrong, however small `--file-timeout` is.
 */
const SALVAGE_MIN_MS = 2000;

/**
 * Compiles rules once and scans chunks: keyword prefilter, regexes in windows
 * around keyword hits, the filter chain, inline markers, overlap resolution.
 * Pure and synchronous, so it runs the same in worker threads. It knows nothing
 * of files, git or GitHub: provenance rides along in `chunk.origin`.
 *
 * Rules are cheap or expensive (`isCheap` in detect/compile.ts). The cheap
 * ones' candidates are found first, outside the time budget, so no text can
 * keep them from being reported; everything else (expensive rules, filters,
 * decoding) runs within the budget.
 */
export class Engine {
  readonly rules: readonly CompiledRule[];
  /** The reported rules (building blocks of `near` only are not routed). */
  private readonly all: RuleView;
  private readonly judgeHost: JudgeHost;
  private readonly ruleIds: Set<string>;
  private readonly providerKeys: Set<string>;
  private readonly decodeHost: DecodeHost;
  /**
   * Per reported rule: it came from a file or config (not `builtin`), so
   * wherever it runs, the watchdog runs too, whatever the chunk's size.
   */
  private readonly untrusted: boolean[];
  /** Whether the watchdog is running now (it is not started twice). */
  private watching = false;
  /** The cheap, certain rules, routed on their own; built on first use by {@link scanCertain}. */
  private certain?: RuleView;
  /** performance.now() past which the chunk being scanned is out of time. */
  private deadline = Infinity;

  constructor(
    specs: readonly RuleSpec[],
    private readonly options: EngineOptions = {},
  ) {
    this.rules = compileRules(specs);
    this.all = new RuleView(
      this.rules.filter((rule) => rule.reported),
      FORMAT_HINTS,
    );
    this.ruleIds = new Set(this.rules.map((rule) => rule.spec.id));
    this.providerKeys = new Set(this.rules.map((rule) => rule.spec.providerKey));
    this.untrusted = this.all.rules.map((rule) => rule.spec.builtin !== true);
    this.judgeHost = {
      filters: candidateFilters(options.allow),
      explain: options.explain === true,
      redact: options.redact !== false,
      namesRule: (token) => this.namesRule(token),
    };
    const generic = new Set(this.rules.filter((rule) => rule.spec.generic).map((rule) => rule.spec.id));
    this.decodeHost = {
      scanPlain: (chunk) => {
        const routes = this.all.router.route(chunk.text);
        const scan = (): ScanResult => this.scanRouted(chunk, routes, this.all);
        // Decoded text can bring up a rule from a file or config that the chunk's own text did not.
        const findings = this.needsWatchdog(routes) ? this.watched(Math.max(1, this.deadline - performance.now()), scan) : scan();
        return { findings: findings.findings, hints: routes.hints };
      },
      rank: (finding) => (generic.has(finding.ruleId) ? 0 : 4) + CONFIDENCE_RANK[finding.confidence],
    };
  }

  /** Loads what the filters may need (the BPE vocabulary) up front; {@link scanPrepared} loads it only when a chunk needs it. */
  async prepare(): Promise<void> {
    if (this.all.rules.some((rule) => rule.spec.generic)) await loadTokenizer();
  }

  /**
   * {@link scan}, loading the BPE vocabulary first if this chunk turns out to
   * need it (a generic candidate reached the word-likeness check): a small
   * commit without such candidates never pays for loading it.
   *
   * `chunk.bytes` is read only before this returns its promise (the scan
   * after loading reads the text alone), so a caller may reuse that memory
   * for another file as soon as it has the promise (scan/read-buffers.ts).
   */
  async scanPrepared(chunk: Chunk): Promise<ScanResult> {
    // Chunks that come while another loads the vocabulary wait for it, rather
    // than each failing at the same check (a thread has dozens in flight).
    if (tokenizerLoading()) return this.scanOnceLoaded(chunk);
    try {
      return this.scan(chunk);
    } catch (error) {
      if (!(error instanceof TokenizerNotLoaded)) throw error;
      this.all.router.reset();
      return this.scanOnceLoaded(chunk);
    }
  }

  /** Scans `chunk`'s text once the vocabulary is loaded; its bytes may be another file's by then. */
  private async scanOnceLoaded(chunk: Chunk): Promise<ScanResult> {
    const { bytes: _reusedMeanwhile, ...text } = chunk;
    await loadTokenizer();
    return this.scan(text);
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

  /**
   * Scans one chunk. Throws {@link ScanTimeoutError} when the budgeted work runs
   * past the budget, carrying in `partial` every finding made: all the cheap
   * rules' and the expensive ones judged before the stop. Never throws for bad input.
   */
  scan(chunk: Chunk): ScanResult {
    return this.run({ chunk, mode: 'all' });
  }

  /**
   * Scans one chunk with only the cheap rules of high confidence (a literal
   * prefix with a checksum or a fixed shape): for the printable runs of binary
   * files (sources/decode.ts), where anything less certain would be noise. No
   * decoding. Its regexes always run to the end; the filters are budgeted as
   * in {@link scan}.
   */
  scanCertain(chunk: Chunk): ScanResult {
    return this.run({ chunk, mode: 'certain' });
  }

  private run(work: ChunkWork): ScanResult {
    const budget = this.options.budgetMs ?? DEFAULT_BUDGET_MS;
    try {
      return this.scanChunk(work, budget > 0 ? budget : 0);
    } catch (error) {
      // An error raised while handling a match must not carry the match (scrub.ts).
      // Our own signal to load the vocabulary carries no text: scrubbing it searched the whole chunk for its words.
      if (error instanceof TokenizerNotLoaded) throw error;
      if (!(error instanceof OutOfTime)) throw withoutScannedText(error, work.chunk.text);
      // Stopped anywhere, perhaps in the middle of routing decoded text: drop the router's half-built state.
      this.all.router.reset();
      this.certain?.router.reset();
      let partial: ScanResult;
      try {
        // The cheap candidates not judged yet are judged now, under a budget of their own: config allowlists run user regexes.
        partial = salvage(this.judgeHost, work, this.view(work.mode).rules, (judge) => {
          try {
            this.watched(Math.max(budget, SALVAGE_MIN_MS), judge);
          } catch (stopped) {
            if (!(stopped instanceof OutOfTime)) throw stopped;
          }
        });
      } catch (salvageError) {
        throw withoutScannedText(salvageError, work.chunk.text);
      }
      throw new ScanTimeoutError(work.chunk.origin.path, budget, partial);
    } finally {
      this.deadline = Infinity;
    }
  }

  /** Whether routed text brings up a rule from a file or config, while no watchdog runs. */
  private needsWatchdog(routes: Routes): boolean {
    return !this.watching && this.deadline !== Infinity && routes.rules.some((index) => this.untrusted[index]);
  }

  /** Runs `fn` under the watchdog (budget.ts) for at most `ms`. */
  private watched<T>(ms: number, fn: () => T): T {
    this.watching = true;
    try {
      return runWithin(ms, fn);
    } finally {
      this.watching = false;
    }
  }

  /** Between rules and candidates: a chunk out of time stops here (the watchdog covers long single matches). */
  private checkBudget(): void {
    if (performance.now() > this.deadline) throw new OutOfTime();
  }

  private view(mode: Mode): RuleView {
    if (mode === 'all') return this.all;
    return (this.certain ??= new RuleView(this.all.rules.filter((rule) => rule.certain)));
  }

  /**
   * The cheap path, then the budgeted rest. Cheap rules' candidates are found
   * before the clock starts; the budget covers the expensive rules, every
   * filter, and decoding.
   */
  private scanChunk(work: ChunkWork, budget: number): ScanResult {
    const { chunk } = work;
    const timings = this.options.timings;
    const clock = timings ? performance.now() : 0;
    const view = this.view(work.mode);
    const routes = view.router.route(chunk.text, chunk.bytes);
    const regexClock = timings ? lap(timings, 'prefilter', clock) : 0;
    const lists = new Array<Candidate[] | undefined>(routes.rules.length);
    work.routes = routes;
    work.lists = lists;
    routes.rules.forEach((ruleIndex, i) => {
      const rule = view.rules[ruleIndex]!;
      if (rule.cheap) lists[i] = ruleCandidates(rule, chunk, routes.starts[i]!, view.longest[ruleIndex]!, work.mode === 'certain');
    });
    if (timings) lap(timings, 'regex', regexClock);
    const rest = (): ScanResult => this.budgeted(work, view);
    if (!(budget > 0)) return rest();
    this.deadline = performance.now() + budget;
    return chunk.text.length >= WATCHDOG_CHARS || (work.mode === 'all' && this.needsWatchdog(routes)) ? this.watched(budget, rest) : rest();
  }

  /** The budgeted part of a scan: the expensive rules' candidates, judging every candidate, decoding. */
  private budgeted(work: ChunkWork, view: RuleView): ScanResult {
    const { chunk, routes, lists } = work as Required<ChunkWork>;
    const timings = this.options.timings;
    let clock = timings ? performance.now() : 0;
    routes.rules.forEach((ruleIndex, i) => {
      if (lists[i]) return;
      this.checkBudget();
      lists[i] = ruleCandidates(view.rules[ruleIndex]!, chunk, routes.starts[i]!, view.longest[ruleIndex]!);
    });
    if (timings) clock = lap(timings, 'regex', clock);
    const candidates = lists.flatMap((list) => list ?? []);
    if (candidates.length > 0) {
      const judgement = new Judgement(this.judgeHost, chunk, candidates, routes.markers);
      work.judgement = judgement;
      for (let i = 0; i < candidates.length; i++) {
        this.checkBudget();
        judgement.consider(i);
      }
    }
    if (timings) clock = lap(timings, 'filters', clock);
    const depth = work.mode === 'all' ? (this.options.decode ?? 2) : 0;
    // The keyword pass also tells which known encoded formats may occur (FORMAT_HINTS).
    const items = depth > 0 ? decodeLayer(this.decodeHost, chunk.text, chunk.origin, depth, undefined, routes.hints) : [];
    if (timings) clock = lap(timings, 'decode', clock);
    // Snippets mask the encoded segments whole, on every finding's line.
    const result = work.judgement ? work.judgement.finish(items.length > 0 ? segmentSpans(items) : []) : { findings: [], suppressed: [] };
    if (items.length === 0) {
      if (timings) lap(timings, 'filters', clock);
      return result;
    }
    const markers = routes.markers
      ? (lines: LineIndex) => new InlineMarkers(chunk.text, lines, (token) => this.namesRule(token))
      : undefined;
    const findings = withDecoded(this.decodeHost, chunk, result.findings, items, {
      redact: this.judgeHost.redact,
      ...(markers ? { markers } : {}),
    });
    if (timings) lap(timings, 'filters', clock);
    return { ...result, findings };
  }

  /** Scans routed text with every rule, judged in full (decoded text: the decode stage, already within the budget). */
  private scanRouted(chunk: Chunk, routes: Routes, view: RuleView): ScanResult {
    if (routes.rules.length === 0) return { findings: [], suppressed: [] };
    const candidates = routes.rules.flatMap((ruleIndex, i) => {
      this.checkBudget();
      return ruleCandidates(view.rules[ruleIndex]!, chunk, routes.starts[i]!, view.longest[ruleIndex]!);
    });
    if (candidates.length === 0) return { findings: [], suppressed: [] };
    const judgement = new Judgement(this.judgeHost, chunk, candidates, routes.markers);
    for (let i = 0; i < candidates.length; i++) {
      this.checkBudget();
      judgement.consider(i);
    }
    return judgement.finish();
  }
}
