/**
 * keyhound's public library API. The CLI (`src/cli/`) and the GitHub Action
 * (`src/action/`) are thin shells over these functions: pick a source and
 * sinks, call `runScan` (docs/architecture.md).
 */
export type {
  Chunk,
  CommitInfo,
  Confidence,
  Finding,
  LineRange,
  Location,
  Origin,
  RuleSpec,
  ScanResult,
  ScanStats,
  Severity,
  Suppressed,
  Verification,
} from './core/types.js';
export { ConfigError, KeyhoundError, RuleError, SourceError, UsageError, type Problem } from './core/errors.js';
export { fingerprint, FingerprintKey, FINGERPRINT_VERSION } from './core/fingerprint.js';
export { redact } from './core/redact.js';
export { LineIndex } from './core/location.js';
export { Engine, type EngineOptions, type EngineTimings } from './detect/engine.js';
export { builtinRules } from './rules/builtin.js';
export { loadRules } from './rules/load.js';
export { checkExamples, type ExampleFailure } from './scan/examples.js';
export { buildRuleSet, type RuleSetOptions } from './scan/ruleset.js';
export { prepareScan, type ScanSetup, type ScanSetupOptions } from './scan/setup.js';
export { runScan, type RunEvents, type RunSpec } from './scan/runner.js';
export { Fingerprints } from './scan/fingerprints.js';
export { pathStep, type Step } from './scan/steps.js';
export { baselineStep } from './scan/baseline.js';
export { verifyStep } from './scan/verify.js';
export type { ChunkOutcome, ScanContext, Source, SourceStats, Task, TaskOutcome } from './sources/source.js';
export { FileSource, type FileSourceOptions } from './sources/files.js';
export { HistorySource, type HistoryOptions } from './sources/git/history-scan.js';
export { StagedSource, type StagedOptions } from './sources/git/staged-scan.js';
export { openRepository, type Repository } from './sources/git/repo.js';
export { RepositoriesSource } from './sources/github/audit.js';
export type { FailedInput, MovedFinding, ScanReport } from './core/report.js';
export { reportSink, type ReportSinkOptions, type Sink } from './report/sink.js';
export { render, type RenderOptions } from './report/render.js';
export { FORMATS, FORMAT_NAMES, toReported, type Format, type Report, type ReportedFinding } from './report/index.js';
