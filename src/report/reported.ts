import type { Finding, Suppressed } from '../core/types.js';
import { Masker } from './mask.js';

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
   * The run's masking step (every secret of the run: see report/mask.ts);
   * render() passes one. Without it, the finding's own secrets are masked.
   */
  masker?: Masker;
}

/**
 * Partner names that capture where and as whom a credential is used, not a
 * credential: a host, site or domain (`localhost`,
 * `acme.beyondtrustcloud.com`), a user name, a key's type. Masking them
 * wherever they appear hid harmless context: in a connection string with
 * user `app` on `localhost`, the host showed as `lo************` and the
 * database `app` was masked too. They stay readable.
 */
const CONTEXT_PARTNERS = new Set([
  'host',
  'site',
  'domain',
  'subdomain',
  'server',
  'instance',
  'dc',
  'kind',
  'kty',
  'user',
  'username',
  'docker_user',
]);

/** The secrets a finding carries: its own and its partners' (a key id's secret key), not the places it names. */
export function secretsOf(item: Pick<Finding, 'secret' | 'related'>): string[] {
  return [item.secret, ...Object.entries(item.related ?? {}).flatMap(([name, value]) => (CONTEXT_PARTNERS.has(name) ? [] : [value]))];
}

/** The masking step for one item, or undefined under `--no-redact`. */
function maskerFor(item: Pick<Finding, 'secret' | 'related'>, options: RedactOptions): Masker | undefined {
  if (options.redact === false) return undefined;
  return options.masker ?? new Masker(secretsOf(item));
}

function maskValues(values: Readonly<Record<string, string>>, mask: (text: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, mask(value)]));
}

/**
 * A finding as reporters see it. Every string in it that came from scanned
 * content or from outside (path, snippet, commit metadata, context values, a
 * provider's answer) passes the masking step, whichever finding's secret it
 * quotes.
 */
export function toReported(finding: Finding, options: RedactOptions = {}): ReportedFinding {
  const masker = maskerFor(finding, options);
  const mask = (text: string): string => (masker ? masker.text(text) : text);
  // Free text from a commit (author, message) may hold a secret no rule recognised: long token runs are masked too.
  const maskProse = (text: string): string => (masker ? masker.reason(text) : text);
  const out: ReportedFinding = {
    ruleId: finding.ruleId,
    title: finding.title,
    provider: finding.provider,
    severity: finding.severity,
    confidence: finding.confidence,
    path: mask(finding.path),
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    secret: masker ? masker.secret(finding.secret) : finding.secret,
    snippet: finding.origin.metadata ? maskProse(finding.snippet) : mask(finding.snippet),
    fingerprint: finding.fingerprint,
    entropy: finding.entropy,
    remediation: finding.remediation,
    references: finding.references,
  };
  const commit = finding.origin.commit;
  if (commit)
    Object.assign(out, {
      commit: commit.sha,
      author: maskProse(commit.author),
      email: maskProse(commit.email),
      date: commit.date,
      message: maskProse(commit.message),
    });
  if (finding.origin.repository) out.repository = mask(finding.origin.repository);
  if (finding.origin.blob) out.blob = finding.origin.blob;
  if (finding.occurrences !== undefined) out.occurrences = finding.occurrences;
  if (finding.context) out.context = maskValues(finding.context, mask);
  if (finding.decoded) out.decoded = finding.decoded;
  if (finding.verified) {
    // A provider's answer (account names, scopes) may echo the secret: its facts are masked like its reason.
    const { facts } = finding.verified;
    out.verified = { ...finding.verified, reason: mask(finding.verified.reason), ...(facts ? { facts: maskValues(facts, mask) } : {}) };
  }
  return out;
}

export function toReportedSuppressed(item: Suppressed, options: RedactOptions = {}): ReportedSuppressed {
  const masker = maskerFor(item, options);
  return {
    ruleId: item.ruleId,
    path: masker ? masker.text(item.path) : item.path,
    line: item.line,
    column: item.column,
    filter: item.filter,
    // A reason may quote an allow regex or a stop word, and those may spell out a secret: see Masker.reason.
    reason: masker ? masker.reason(item.reason) : item.reason,
    secret: masker ? masker.secret(item.secret) : item.secret,
    fingerprint: item.fingerprint,
  };
}
