import type { ScanReport } from '../core/report.js';
import type { Chunk, Finding, RuleSpec, ScanResult, SkipReason } from '../core/types.js';
import { maskAfterDrop } from '../core/redact.js';
import type { Engine, EngineOptions } from '../detect/engine.js';
import type { Sink } from '../report/sink.js';
import type { ChunkOutcome, ProgressUpdate, ScanContext, Source, TaskOutcome } from '../sources/source.js';
import { Collector } from './collector.js';
import type { Fingerprints } from './fingerprints.js';
import { timedOut } from './outcome.js';
import { BYTES_IN_FLIGHT_PER_THREAD, createScanner, TASKS_IN_FLIGHT_PER_THREAD, type Scanner } from './pool.js';
import type { Step } from './steps.js';

/** What the runner tells a front end while it runs (the progress line, `--verbose`). */
export interface RunEvents {
  progress?(update: ProgressUpdate): void;
  scanned?(path: string, bytes: number, encoding?: string): void;
  skipped?(path: string, reason: SkipReason): void;
}

export interface RunSpec {
  source: Source;
  rules: readonly RuleSpec[];
  /** Engine options (from the configuration; src/scan/setup.ts). */
  engine: EngineOptions;
  /** Threads that may scan at once (`--threads`). Default 1. */
  threads?: number;
  /** Post-steps, in order (src/scan/steps.ts). */
  steps?: readonly Step[];
  /** Where the report goes (src/report/sink.ts). */
  sinks?: readonly Sink[];
  /** Keep the candidates filters dropped, with their reasons (`--explain`). */
  explain?: boolean;
  /**
   * Stamps what the run reports with its `keyhound/v2` fingerprint, with the
   * key when there is one (`ScanSetup.fingerprints`). Required, so no front
   * end can forget the key.
   */
  fingerprints: Fingerprints;
  events?: RunEvents;
}

/**
 * The one scan pipeline. Every front end (each CLI command, the Action) picks
 * a source and sinks and calls this; it owns the rest: the engine and its
 * threads, the time budget and what a timeout means, the accounting of every
 * input (scanned, skipped and why, failed), the post-steps, and handing the
 * report to the sinks. Findings are streamed to sinks as they become final
 * when the source allows it and every step works per finding.
 */
export async function runScan(spec: RunSpec): Promise<ScanReport> {
  const { source } = spec;
  const steps = spec.steps ?? [];
  const sinks = spec.sinks ?? [];
  const events = spec.events ?? {};
  const streaming = source.streams && steps.every((step) => !step.end);
  let scanner: Scanner | undefined;
  let started = false;
  try {
    await source.start?.();
    started = true;
    const engineOptions: EngineOptions = { ...spec.engine, explain: spec.engine.explain === true || source.needsExplain === true };
    scanner = createScanner(spec.rules, engineOptions, Math.max(1, Math.floor(spec.threads ?? 1)));
    for (const sink of sinks) await sink.open?.(streaming);
    const collector = new Collector();
    const context = new RunContext(scanner, collector, steps, streaming ? sinks : [], spec.explain === true, events, spec.fingerprints);
    Object.assign(collector.stats, await source.read(context));
    context.flush();
    for (const step of steps) if (step.stats) Object.assign(collector.stats, step.stats());
    let report = collector.finish();
    for (const step of steps) if (step.end) report = await step.end(report);
    // Last, on what is reported only: a fingerprint costs a scrypt.
    await spec.fingerprints.stampReport(report);
    for (const sink of sinks) await sink.finish(report);
    return report;
  } catch (error) {
    if (!started) source.abort?.();
    for (const sink of sinks) await sink.abort?.();
    throw error;
  } finally {
    await scanner?.close();
  }
}

/** The context a source reads through: one per run. */
class RunContext implements ScanContext {
  readonly parallelism: number;
  readonly bytesInFlight: number;
  private engine?: Engine;

  constructor(
    private readonly scanner: Scanner,
    private readonly collector: Collector,
    private readonly steps: readonly Step[],
    private readonly streamTo: readonly Sink[],
    private readonly explain: boolean,
    private readonly events: RunEvents,
    private readonly fingerprints: Fingerprints,
  ) {
    this.parallelism = scanner.threads * TASKS_IN_FLIGHT_PER_THREAD;
    this.bytesInFlight = scanner.threads * BYTES_IN_FLIGHT_PER_THREAD;
  }

  task(task: Parameters<Scanner['run']>[0]): Promise<TaskOutcome> {
    return this.scanner.run(task);
  }

  settle(outcome: TaskOutcome): void {
    this.account(outcome);
    this.progress({ done: 1, bytes: outcome.kind === 'scanned' ? outcome.bytes : 0 });
    if (outcome.result) this.found(outcome.result);
  }

  account(outcome: TaskOutcome): void {
    if (outcome.kind === 'scanned') {
      this.collector.scanned(outcome.bytes);
      if (outcome.encoding !== 'binary') this.collector.readAsText.add(outcome.path);
      this.events.scanned?.(outcome.path, outcome.bytes, outcome.encoding);
    } else this.skipped(outcome.path, outcome.reason);
  }

  async ready(): Promise<void> {
    await this.mainEngine().prepare();
  }

  text(chunk: Chunk): ChunkOutcome {
    try {
      return { result: this.mainEngine().scan(chunk) };
    } catch (error) {
      const partial = timedOut(error);
      if (!partial) throw error;
      this.skipped(chunk.origin.path, 'timeout', chunk.origin.blob ?? chunk.origin.path);
      return { result: partial, skipped: 'timeout' };
    }
  }

  scanned(path: string, bytes: number): void {
    this.collector.scanned(bytes);
    this.collector.readAsText.add(path);
    this.events.scanned?.(path, bytes);
  }

  skipped(path: string, reason: SkipReason, key?: string): void {
    if (this.collector.skip(reason, key, path)) this.events.skipped?.(path, reason);
  }

  failed(input: string, reason: string): void {
    this.collector.failed.push({ input, reason });
  }

  found(result: ScanResult): void {
    for (const finding of result.findings) this.pass(finding, 0);
    if (result.findings.length > 0) this.progress({ findings: result.findings.length });
    if (this.explain) this.collector.suppressed.push(...result.suppressed);
    else this.collector.mask(result.suppressed.filter((item) => maskAfterDrop(item.filter)).map((item) => item.secret));
    this.collector.mask(result.dropped);
  }

  /** Runs a finding through the steps from `first` on; what comes out is final. */
  private pass(start: Finding, first: number): void {
    let finding: Finding | undefined = start;
    for (let i = first; i < this.steps.length; i++) {
      const step = this.steps[i]!;
      if (!step.each) continue;
      finding = step.each(finding, this.collector);
      if (!finding) return;
    }
    this.collector.findings.push(finding);
    if (this.streamTo.length === 0) return;
    finding.fingerprint = this.fingerprints.of(finding);
    for (const sink of this.streamTo) sink.finding?.(finding);
  }

  /** The source is done: steps release what they held back, in order, each through the steps after it. */
  flush(): void {
    this.steps.forEach((step, index) => step.flush?.((finding) => this.pass(finding, index + 1), this.collector));
  }

  expect(tasks: number, bytes?: number): void {
    this.scanner.expect?.(tasks, bytes);
  }

  progress(update: ProgressUpdate): void {
    this.events.progress?.(update);
  }

  private mainEngine(): Engine {
    this.engine ??= this.scanner.engine();
    return this.engine;
  }
}
