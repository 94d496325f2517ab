/**
 * keyhound's public library API. The CLI (`src/cli/`) and the GitHub Action
 * (`src/action/`) are thin shells over these functions.
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
export { fingerprint } from './core/fingerprint.js';
export { redact } from './core/redact.js';
export { LineIndex } from './core/location.js';
export { Engine, type EngineOptions, type EngineTimings } from './detect/engine.js';
export { builtinRules } from './rules/builtin.js';
export { loadRules } from './rules/load.js';
export { checkExamples, type ExampleFailure } from './rules/examples.js';
export { buildRuleSet, type RuleSetOptions } from './scan/ruleset.js';
export { scanFiles, type FileScanOptions } from './scan/files.js';
export { scanGitHistory, startHistoryScan, type GitScanOptions } from './scan/git.js';
export { scanStaged, type StagedScanOptions } from './scan/staged.js';
export type { ScanReport } from './scan/collector.js';
export { render, type RenderOptions } from './report/render.js';
export { REPORTERS, toReported, type Report, type ReportedFinding } from './report/index.js';
