import { FINGERPRINT_VERSION } from '../../core/fingerprint.js';
import type { ScanStats } from '../../core/types.js';
import type { ReportedFinding } from '../reported.js';
import { badReport, checkFinding, checkStats, isObject } from './check.js';

/**
 * SARIF as keyhound writes it (src/report/sarif.ts), read back into
 * findings: the rule's texts give the title, provider and remediation, the
 * result's properties the rest. Each run's stats are in `properties.stats`;
 * a file with several runs (SARIF from several invocations) is read as one
 * report a run.
 */

type Json = Record<string, unknown>;

const FULL_DESCRIPTION_END = '). A credential committed to source can be used by anyone who can read it.';
const LEVEL_SEVERITY: Record<string, string> = { error: 'high', warning: 'medium', note: 'low' };

function text(value: unknown): string | undefined {
  return isObject(value) && typeof value.text === 'string' ? value.text : undefined;
}

/** `Title (Provider). A credential…` → `Provider`. */
function providerOf(rule: Json): string {
  const full = text(rule.fullDescription) ?? '';
  if (!full.endsWith(FULL_DESCRIPTION_END)) return '';
  const head = full.slice(0, -FULL_DESCRIPTION_END.length);
  const open = head.lastIndexOf(' (');
  return open < 0 ? '' : head.slice(open + 2);
}

/** `How to fix: …\n\nReferences:\n- url` → the remediation and the references. */
function helpOf(rule: Json): { remediation: string; references: string[] } {
  const help = text(rule.help) ?? '';
  const body = help.startsWith('How to fix: ') ? help.slice('How to fix: '.length) : help;
  const cut = body.indexOf('\n\nReferences:\n');
  if (cut < 0) return { remediation: body, references: [] };
  const references = body
    .slice(cut + '\n\nReferences:\n'.length)
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));
  return { remediation: body.slice(0, cut), references };
}

function pathOf(uri: string): string {
  return uri
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function resultFinding(result: unknown, rules: Json[], file: string, where: string): ReportedFinding {
  if (!isObject(result)) throw badReport(file, `${where} is not an object`);
  const ruleId = typeof result.ruleId === 'string' ? result.ruleId : '';
  const byIndex = typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : undefined;
  const rule = byIndex && byIndex.id === ruleId ? byIndex : (rules.find((r) => r.id === ruleId) ?? {});
  const properties = isObject(result.properties) ? result.properties : {};
  const location = Array.isArray(result.locations) && isObject(result.locations[0]) ? result.locations[0] : {};
  const physical = isObject(location.physicalLocation) ? location.physicalLocation : {};
  const artifact = isObject(physical.artifactLocation) ? physical.artifactLocation : {};
  const region = isObject(physical.region) ? physical.region : {};
  const fingerprints = isObject(result.partialFingerprints) ? result.partialFingerprints : {};
  const level = typeof result.level === 'string' ? result.level : 'warning';
  const { remediation, references } = helpOf(rule);
  const candidate: Json = {
    ...properties,
    ruleId,
    title: text(rule.shortDescription) ?? ruleId,
    provider: providerOf(rule),
    severity: properties.severity ?? LEVEL_SEVERITY[level],
    confidence: properties.confidence ?? 'medium',
    path: typeof artifact.uri === 'string' ? pathOf(artifact.uri) : undefined,
    line: region.startLine,
    column: region.startColumn ?? 1,
    endLine: region.endLine ?? region.startLine,
    endColumn: region.endColumn ?? region.startColumn ?? 1,
    secret: properties.secret,
    snippet: text(region.snippet) ?? '',
    // Shards of one run share one keyhound, so one fingerprint version; another version's is not comparable.
    fingerprint: fingerprints[FINGERPRINT_VERSION],
    remediation,
    references,
  };
  return checkFinding(candidate, file, where);
}

/** Each run's results as findings, with its stats: one report a run (keyhound writes one run an invocation). */
export function fromSarif(data: Json, file: string): { findings: ReportedFinding[]; stats: ScanStats }[] {
  const runs = data.runs as unknown[];
  if (runs.length === 0) throw badReport(file, 'has no runs');
  return runs.map((run, r) => {
    if (!isObject(run)) throw badReport(file, `runs[${r}] is not an object`);
    const tool = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : {};
    const rules = Array.isArray(tool.rules) ? tool.rules.filter(isObject) : [];
    const results = Array.isArray(run.results) ? run.results : [];
    const findings = results.map((result, i) => resultFinding(result, rules, file, `runs[${r}].results[${i}]`));
    const properties = isObject(run.properties) ? run.properties : {};
    return { findings, stats: checkStats(properties.stats, file, `runs[${r}].properties.stats`) };
  });
}
