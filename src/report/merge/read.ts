import type { ScanStats } from '../../core/types.js';
import type { ReportedFinding } from '../reported.js';
import { badReport, checkFinding, checkStats, isObject } from './check.js';
import { fromSarif } from './sarif-read.js';

/** A report read back from a file keyhound wrote (`--format json` or `--format sarif`), for `keyhound merge`. */
export interface ReadReport {
  /** The file as the user named it, for messages. */
  file: string;
  format: 'json' | 'sarif';
  findings: ReportedFinding[];
  stats: ScanStats;
}

/**
 * Reads one report file: keyhound's JSON (`{ tool, findings, stats }`) or
 * SARIF 2.1.0 as keyhound writes it (stats in `run.properties.stats`; a
 * report for each run).
 * Anything else is refused with the file and the problem: a merge that
 * guessed at a damaged shard could pass off an incomplete audit as complete.
 */
export function readReport(text: string, file: string): ReadReport[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const jsonl = text.trimStart().startsWith('{') && text.trim().includes('\n');
    throw badReport(
      file,
      jsonl ? 'one JSON object per line (jsonl) has no stats to merge' : `not JSON (${(error as Error).message.split('\n')[0]})`,
    );
  }
  if (!isObject(data)) throw badReport(file, 'not a JSON object');
  if (data.version === '2.1.0' && Array.isArray(data.runs)) {
    const runs = fromSarif(data, file);
    return runs.map((run, r) => ({ file: runs.length === 1 ? file : `${file} (run ${r + 1})`, format: 'sarif', ...run }));
  }
  if (!Array.isArray(data.findings)) throw badReport(file, 'has no "findings" list');
  const findings = data.findings.map((finding, i) => checkFinding(finding, file, `findings[${i}]`));
  return [{ file, format: 'json', findings, stats: checkStats(data.stats, file, 'stats') }];
}
