import { redact, redactText } from '../core/redact.js';
import type { Finding, Suppressed } from '../core/types.js';

/**
 * What leaves the library: a finding with its secret redacted (unless the user
 * said `--no-redact`) and without the raw regex match. Every reporter works on
 * these, so no output format can leak a secret by accident.
 */
export interface ReportedFinding {
  ruleId: string;
  title: string;
  provider: string;
  severity: Finding['severity'];
  confidence: Finding['confidence'];
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  secret: string;
  snippet: string;
  fingerprint: string;
  entropy: number;
  remediation: string;
  references: string[];
  commit?: string;
  author?: string;
  email?: string;
  date?: string;
  message?: string;
  repository?: string;
  blob?: string;
  occurrences?: number;
  context?: Record<string, string>;
  decoded?: string;
  verified?: Finding['verified'];
}

export interface ReportedSuppressed {
  ruleId: string;
  path: string;
  line: number;
  column: number;
  filter: string;
  reason: string;
  secret: string;
  fingerprint: string;
}

export interface RedactOptions {
  /** Default true. */
  redact?: boolean;
  /**
   * Other secrets to mask in this finding's free text (its commit message may
   * quote a secret another finding of the same commit holds); render() passes
   * them. The finding's own secret and paired values are always masked.
   */
  alsoMask?: readonly string[];
}

export function toReported(finding: Finding, options: RedactOptions = {}): ReportedFinding {
  const hide = options.redact !== false;
  // Free text that came from outside (a commit message, a provider's answer in a
  // verification reason) may quote the secret: masked like the secret itself.
  const secrets = hide ? [finding.secret, ...Object.values(finding.related ?? {}), ...(options.alsoMask ?? [])] : [];
  const scrub = (text: string): string => (hide ? redactText(text, secrets) : text);
  const out: ReportedFinding = {
    ruleId: finding.ruleId,
    title: finding.title,
    provider: finding.provider,
    severity: finding.severity,
    confidence: finding.confidence,
    path: finding.path,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    secret: hide ? redact(finding.secret) : finding.secret,
    snippet: scrub(finding.snippet),
    fingerprint: finding.fingerprint,
    entropy: finding.entropy,
    remediation: finding.remediation,
    references: finding.references,
  };
  const commit = finding.origin.commit;
  if (commit)
    Object.assign(out, {
      commit: commit.sha,
      author: scrub(commit.author),
      email: scrub(commit.email),
      date: commit.date,
      message: scrub(commit.message),
    });
  if (finding.origin.repository) out.repository = finding.origin.repository;
  if (finding.origin.blob) out.blob = finding.origin.blob;
  if (finding.occurrences !== undefined) out.occurrences = finding.occurrences;
  if (finding.context) out.context = Object.fromEntries(Object.entries(finding.context).map(([key, value]) => [key, scrub(value)]));
  if (finding.decoded) out.decoded = finding.decoded;
  if (finding.verified) {
    // A provider's answer (account names, scopes) may echo the secret: its facts are masked like its reason.
    const { facts } = finding.verified;
    out.verified = {
      ...finding.verified,
      reason: scrub(finding.verified.reason),
      ...(facts ? { facts: Object.fromEntries(Object.entries(facts).map(([key, value]) => [key, scrub(value)])) } : {}),
    };
  }
  return out;
}

export function toReportedSuppressed(item: Suppressed, options: RedactOptions = {}): ReportedSuppressed {
  return {
    // A reason may quote an allow regex, and an allow regex may spell out the secret it allows.
    ruleId: item.ruleId,
    path: item.path,
    line: item.line,
    column: item.column,
    filter: item.filter,
    reason: options.redact !== false ? redactText(item.reason, [item.secret]) : item.reason,
    secret: options.redact !== false ? redact(item.secret) : item.secret,
    fingerprint: item.fingerprint,
  };
}
