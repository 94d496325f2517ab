import { GITLEAKS_RULE_IDS, gitleaksRuleId, keyhoundRuleIds } from '../rules/gitleaks-ids.js';
import type { ReportedFinding } from './reported.js';

/**
 * One finding in gitleaks' JSON report shape (`gitleaks detect --report-format
 * json`), for tools that read gitleaks reports (`--format gitleaks-json`).
 * Field names and meanings follow gitleaks' report.Finding.
 */
export interface GitleaksRecord {
  Description: string;
  StartLine: number;
  EndLine: number;
  /** 1-based column of the secret's first character. */
  StartColumn: number;
  /** 1-based column of the secret's last character (inclusive, as gitleaks counts). */
  EndColumn: number;
  /** The line the secret is on, masked as every keyhound output masks it (keyhound's regexes are not gitleaks'). */
  Match: string;
  /** The secret, masked (`ghp_ab************`) unless `--no-redact`. */
  Secret: string;
  File: string;
  SymlinkFile: string;
  Commit: string;
  Entropy: number;
  Author: string;
  Email: string;
  Date: string;
  Message: string;
  Tags: string[];
  RuleID: string;
  /** `commit:file:rule-id:line` (history) or `file:rule-id:line`: what `.gitleaksignore` lists. */
  Fingerprint: string;
}

/**
 * The gitleaks default rule id that reports a keyhound rule's secrets, or
 * keyhound's own id when gitleaks has none. Where several gitleaks ids cover
 * one keyhound rule, the one that names it first wins (gitleaks' rule for
 * exactly this format), and `curl-*` rules only when nothing else covers it:
 * a generic password is gitleaks' `generic-api-key`, not `curl-auth-user`.
 */
export function gitleaksIdFor(keyhoundId: string): string {
  if (GITLEAKS_RULE_IDS.includes(keyhoundId) && keyhoundRuleIds(keyhoundId).includes(keyhoundId)) return keyhoundId;
  const covering = GITLEAKS_RULE_IDS.filter((id) => keyhoundRuleIds(id).includes(keyhoundId));
  return (
    covering.find((id) => keyhoundRuleIds(id)[0] === keyhoundId) ??
    covering.find((id) => !id.startsWith('curl-')) ??
    gitleaksRuleId(keyhoundId) ??
    keyhoundId
  );
}

/**
 * A reported (already masked) finding as a gitleaks report record. The rule
 * id is gitleaks' where a mapping exists ({@link gitleaksIdFor}), so the
 * `Fingerprint` is what a `.gitleaksignore` entry written for gitleaks says,
 * and keyhound reads such entries back through the same map.
 */
export function toGitleaksRecord(finding: ReportedFinding): GitleaksRecord {
  const ruleId = gitleaksIdFor(finding.ruleId);
  return {
    Description: finding.title,
    StartLine: finding.line,
    EndLine: finding.endLine,
    StartColumn: finding.column,
    EndColumn: Math.max(finding.column, finding.endColumn - 1),
    Match: finding.snippet.trim(),
    Secret: finding.secret,
    File: finding.path,
    SymlinkFile: '',
    Commit: finding.commit ?? '',
    Entropy: finding.entropy,
    Author: finding.author ?? '',
    Email: finding.email ?? '',
    Date: finding.date ?? '',
    Message: finding.message ?? '',
    Tags: [],
    RuleID: ruleId,
    Fingerprint: `${finding.commit ? `${finding.commit}:` : ''}${finding.path}:${ruleId}:${finding.line}`,
  };
}
