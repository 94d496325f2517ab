import { SourceError } from '../../core/errors.js';
import type { ScanStats } from '../../core/types.js';
import type { ReportedFinding } from '../reported.js';

/** Checks on a report read back from a file (`keyhound merge`): every problem names the file and the field. */

const SEVERITIES = new Set(['critical', 'high', 'medium', 'low']);
const CONFIDENCES = new Set(['high', 'medium', 'low']);
const VERDICTS = new Set(['live', 'dead', 'unknown']);

function isTextTable(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** A report file that is not one keyhound wrote, or is damaged: the file and what is wrong (exit 2). */
export function badReport(file: string, problem: string): SourceError {
  return new SourceError(`${file}: ${problem} (keyhound merge reads the reports keyhound writes with --format json or --format sarif)`);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stats object of a report: counts, skips, completeness, and what an audit covered. */
export function checkStats(value: unknown, file: string, where: string): ScanStats {
  if (!isObject(value)) throw badReport(file, `${where} is missing`);
  for (const key of ['files', 'bytes', 'durationMs'] as const) {
    if (typeof value[key] !== 'number') throw badReport(file, `${where}.${key} is not a number`);
  }
  if (!isObject(value.skipped) || Object.values(value.skipped).some((n) => typeof n !== 'number'))
    throw badReport(file, `${where}.skipped is not a table of counts`);
  if (value.shard !== undefined && typeof value.shard !== 'string') throw badReport(file, `${where}.shard is not text like "2/4"`);
  return value as ScanStats;
}

/** Checks one finding's fields (the ones merging and every format read); `where` names it in messages. */
export function checkFinding(value: unknown, file: string, where: string): ReportedFinding {
  if (!isObject(value)) throw badReport(file, `${where} is not an object`);
  for (const key of ['ruleId', 'title', 'path', 'secret', 'fingerprint'] as const) {
    if (typeof value[key] !== 'string' || (key !== 'path' && value[key] === '')) throw badReport(file, `${where}.${key} is missing`);
  }
  for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
    if (!Number.isInteger(value[key]) || (value[key] as number) < 0) throw badReport(file, `${where}.${key} is not a line or column`);
  }
  if (!SEVERITIES.has(value.severity as string)) throw badReport(file, `${where}.severity is not one of critical, high, medium, low`);
  if (!CONFIDENCES.has(value.confidence as string)) throw badReport(file, `${where}.confidence is not one of high, medium, low`);
  for (const key of ['commit', 'author', 'email', 'date', 'message', 'repository', 'blob', 'snippet', 'provider', 'remediation'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') throw badReport(file, `${where}.${key} is not text`);
  }
  for (const key of ['context'] as const) {
    if (value[key] !== undefined && !isTextTable(value[key])) throw badReport(file, `${where}.${key} is not a table of texts`);
  }
  if (value.verified !== undefined) {
    const verified = value.verified;
    if (!isObject(verified) || !VERDICTS.has(verified.status as string) || typeof verified.reason !== 'string')
      throw badReport(file, `${where}.verified is not a verdict (status live, dead or unknown, and a reason)`);
    if (verified.facts !== undefined && !isTextTable(verified.facts))
      throw badReport(file, `${where}.verified.facts is not a table of texts`);
  }
  if (value.occurrences !== undefined && !Number.isInteger(value.occurrences)) throw badReport(file, `${where}.occurrences is not a count`);
  const finding = value as unknown as ReportedFinding;
  return {
    ...finding,
    provider: finding.provider ?? '',
    snippet: finding.snippet ?? '',
    remediation: finding.remediation ?? '',
    references: Array.isArray(finding.references) ? finding.references.filter((r) => typeof r === 'string') : [],
    entropy: typeof finding.entropy === 'number' ? finding.entropy : 0,
  };
}
