import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { ReportedFinding } from './reported.js';
import { FINGERPRINT_VERSION } from '../core/fingerprint.js';
import { describeIncomplete } from '../core/completeness.js';
import { incompleteOf, type Report, type Reporter } from './types.js';

/** GitHub code scanning reads `security-severity` (0-10) to rank alerts. */
const SECURITY_SEVERITY = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' } as const;
/** A secret its provider accepted (`--verify`): an emergency whatever the rule's severity. */
const LIVE_SECURITY_SEVERITY = '10.0';
const LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'note' } as const;
const PRECISION = { high: 'very-high', medium: 'high', low: 'medium' } as const;

/** Repo-relative, POSIX, each segment percent-encoded (a space fails GitHub's upload). */
export function sarifUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function ruleDescriptor(finding: ReportedFinding): Sarif.ReportingDescriptor {
  const references = finding.references.map((r) => `- ${r}`).join('\n');
  return {
    id: finding.ruleId,
    name: finding.ruleId.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: finding.title },
    fullDescription: {
      text: `${finding.title} (${finding.provider}). A credential committed to source can be used by anyone who can read it.`,
    },
    help: {
      text: `How to fix: ${finding.remediation}${references ? `\n\nReferences:\n${references}` : ''}`,
      markdown: `**How to fix:** ${finding.remediation}${references ? `\n\n**References**\n\n${references}` : ''}`,
    },
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: {
      tags: ['security', 'secret', `external/cwe/cwe-798`, finding.provider.toLowerCase()],
      precision: PRECISION[finding.confidence],
      'security-severity': SECURITY_SEVERITY[finding.severity],
    },
  };
}

function result(finding: ReportedFinding, ruleIndex: number): Sarif.Result {
  const live = finding.verified?.status === 'live';
  const properties: Record<string, unknown> = {
    severity: finding.severity,
    confidence: finding.confidence,
    // Per result: the rule's value, raised for a live secret (the rule's own stays, for its other results).
    'security-severity': live ? LIVE_SECURITY_SEVERITY : SECURITY_SEVERITY[finding.severity],
    secret: finding.secret,
    entropy: finding.entropy,
  };
  for (const key of [
    'commit',
    'author',
    'email',
    'date',
    'message',
    'repository',
    'blob',
    'occurrences',
    'context',
    'decoded',
    'verified',
  ] as const) {
    if (finding[key] !== undefined) properties[key] = finding[key];
  }
  const where = finding.commit ? ` in commit ${finding.commit.slice(0, 12)}` : '';
  const level = live ? 'error' : LEVEL[finding.severity];
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level,
    message: { text: `${finding.title} ${finding.secret}${where}. ${finding.remediation.split(/(?<=\.)\s/)[0]}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: sarifUri(finding.path), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: Math.max(finding.endColumn, finding.column + 1),
            snippet: { text: finding.snippet },
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_VERSION]: finding.fingerprint },
    properties,
  };
}

/**
 * The run's invocation: it completed (the tool ran to the end), with one
 * error notification per input it could not scan (and one that counts the
 * rest), so code scanning shows an incomplete analysis as such.
 */
function invocation(report: Report): Sarif.Invocation {
  const incomplete = incompleteOf(report.stats);
  if (!incomplete) return { executionSuccessful: true };
  const notifications: Sarif.Notification[] = [
    {
      level: 'error',
      descriptor: { id: 'keyhound/incomplete' },
      message: { text: `Incomplete: ${describeIncomplete(incomplete)}.` },
    },
    ...incomplete.examples.map((example): Sarif.Notification => ({
      level: 'error',
      descriptor: { id: `keyhound/not-scanned/${example.reason}` },
      message: { text: `Not scanned (${example.reason}): ${example.path || '(unnamed)'}` },
      ...(example.path
        ? { locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(example.path), uriBaseId: '%SRCROOT%' } } }] }
        : {}),
    })),
  ];
  return { executionSuccessful: true, toolExecutionNotifications: notifications };
}

/** SARIF 2.1.0, one run; validated against the official schema in the tests. */
export const sarifReporter: Reporter = (report) => {
  const rules: Sarif.ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  for (const finding of report.findings) {
    if (!index.has(finding.ruleId)) {
      index.set(finding.ruleId, rules.length);
      rules.push(ruleDescriptor(finding));
    }
  }
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: report.tool.informationUri,
        rules,
      },
    },
    results: report.findings.map((finding) => result(finding, index.get(finding.ruleId)!)),
    columnKind: 'utf16CodeUnits',
    invocations: [invocation(report)],
    properties: { stats: report.stats },
  };
  if (report.root) {
    const uri = pathToFileURL(report.root).href;
    run.originalUriBaseIds = { '%SRCROOT%': { uri: uri.endsWith('/') ? uri : `${uri}/` } };
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
