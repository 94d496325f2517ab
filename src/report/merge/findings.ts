import { redact, redactText } from '../../core/redact.js';
import type { Finding } from '../../core/types.js';
import type { ReportedFinding } from '../reported.js';

/**
 * Findings read back from reports, made ready for the report sinks. Reports
 * written with redaction (the default) hold masked secrets, which are shown
 * exactly as they are: masking a mask again would cut it shorter and make the
 * merged report disagree with its shards. A report written with --no-redact
 * holds secrets whole; unless the merge is asked for them whole too, they are
 * masked here, in every field, as the reporters mask a scan's findings.
 */

/** Every masked secret ends with the fixed-width mask (core/redact.ts). */
const MASK_END = '*'.repeat(12);

function isMasked(secret: string): boolean {
  return secret === '' || secret.endsWith(MASK_END);
}

/** With `hide`, each finding whose secret is whole gets it and every free-text field masked. */
export function maskWhole(findings: readonly ReportedFinding[], hide: boolean): ReportedFinding[] {
  if (!hide) return [...findings];
  // A commit's message may quote any secret of that commit.
  const byCommit = new Map<string, string[]>();
  for (const f of findings) {
    if (f.commit && !isMasked(f.secret)) byCommit.set(f.commit, [...(byCommit.get(f.commit) ?? []), f.secret]);
  }
  return findings.map((f) => {
    if (isMasked(f.secret) && !(f.commit && byCommit.has(f.commit))) return f;
    const secrets = [...(isMasked(f.secret) ? [] : [f.secret]), ...(f.commit ? (byCommit.get(f.commit) ?? []) : [])];
    const scrub = (text: string): string => redactText(text, secrets);
    const out: ReportedFinding = { ...f, secret: isMasked(f.secret) ? f.secret : redact(f.secret), snippet: scrub(f.snippet) };
    for (const key of ['author', 'email', 'message'] as const) if (f[key] !== undefined) out[key] = scrub(f[key]);
    if (f.context) out.context = Object.fromEntries(Object.entries(f.context).map(([k, v]) => [k, scrub(v)]));
    if (f.verified) {
      const facts = f.verified.facts;
      out.verified = {
        ...f.verified,
        reason: scrub(f.verified.reason),
        ...(facts ? { facts: Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, scrub(v)])) } : {}),
      };
    }
    return out;
  });
}

/**
 * A reported finding as the runner's {@link Finding}, so the merged report
 * goes through the same sinks and formats as a scan's. What reports never
 * carry (the raw match, the offset in the chunk) stays empty; no format shows it.
 */
export function toFinding(f: ReportedFinding): Finding {
  const finding: Finding = {
    ruleId: f.ruleId,
    title: f.title,
    provider: f.provider,
    providerKey: f.provider.toLowerCase(),
    severity: f.severity,
    confidence: f.confidence,
    path: f.path,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    secret: f.secret,
    match: '',
    snippet: f.snippet,
    fingerprint: f.fingerprint,
    entropy: f.entropy,
    offset: 0,
    origin: {
      path: f.path,
      ...(f.commit
        ? { commit: { sha: f.commit, author: f.author ?? '', email: f.email ?? '', date: f.date ?? '', message: f.message ?? '' } }
        : {}),
      ...(f.blob ? { blob: f.blob } : {}),
      ...(f.repository ? { repository: f.repository } : {}),
    },
    remediation: f.remediation,
    references: f.references,
  };
  if (f.occurrences !== undefined) finding.occurrences = f.occurrences;
  if (f.context) finding.context = f.context;
  if (f.decoded) finding.decoded = f.decoded;
  if (f.verified) finding.verified = f.verified;
  return finding;
}
