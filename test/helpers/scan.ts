import type { ScanReport } from '../../src/core/report.js';
import type { RuleSpec } from '../../src/core/types.js';
import type { EngineOptions } from '../../src/detect/engine.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { Fingerprints } from '../../src/scan/fingerprints.js';
import { runScan } from '../../src/scan/runner.js';
import type { Source } from '../../src/sources/source.js';

/** A source through the real runner, with no outputs: what a library user gets from `runScan`. */
export function scanSource(
  source: Source,
  options: { rules?: readonly RuleSpec[]; engine?: EngineOptions; explain?: boolean } = {},
): Promise<ScanReport> {
  return runScan({
    source,
    rules: options.rules ?? builtinRules(),
    engine: options.engine ?? {},
    explain: options.explain ?? false,
    fingerprints: new Fingerprints(),
  });
}
