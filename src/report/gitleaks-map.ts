import { gitleaksRuleId } from '../config/gitleaks-ids.js';
import type { Finding } from '../core/types.js';

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
  Match: string;
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

export interface GitleaksRecordOptions {
  /** Replace the secret with `REDACTED` in `Secret` and `Match`, as `gitleaks --redact` does. Default true. */
  redact?: boolean;
  /**
   * `gitleaks`: report the gitleaks default rule id that covers the keyhound
   * rule (gitleaks-ids.ts), where there is one, so fingerprints match entries
   * written for gitleaks. `keyhound` (default): keyhound's own rule id.
   */
  ruleIds?: 'keyhound' | 'gitleaks';
}

/** A keyhound finding as a gitleaks report record. Pure: the reporter around it writes the JSON array. */
export function toGitleaksRecord(finding: Finding, options: GitleaksRecordOptions = {}): GitleaksRecord {
  const redact = options.redact !== false;
  const ruleId = options.ruleIds === 'gitleaks' ? (gitleaksRuleId(finding.ruleId) ?? finding.ruleId) : finding.ruleId;
  const commit = finding.origin.commit;
  const secret = redact ? 'REDACTED' : finding.secret;
  const match = redact ? finding.match.split(finding.secret).join('REDACTED') : finding.match;
  return {
    Description: finding.title,
    StartLine: finding.line,
    EndLine: finding.endLine,
    StartColumn: finding.column,
    EndColumn: Math.max(finding.column, finding.endColumn - 1),
    Match: match,
    Secret: secret,
    File: finding.path,
    SymlinkFile: '',
    Commit: commit?.sha ?? '',
    Entropy: finding.entropy,
    Author: commit?.author ?? '',
    Email: commit?.email ?? '',
    Date: commit?.date ?? '',
    Message: commit?.message ?? '',
    Tags: finding.tags ?? [],
    RuleID: ruleId,
    Fingerprint: `${commit ? `${commit.sha}:` : ''}${finding.path}:${ruleId}:${finding.line}`,
  };
}
