import type { ScanReport } from '../../src/core/report.js';
import { fingerprint } from '../../src/core/fingerprint.js';
import type { Finding } from '../../src/core/types.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { base62, hex } from '../helpers/tokens.js';

/**
 * A large audit's report without auditing: findings of real rules (titles,
 * providers, remediation) spread over repositories, authors, commit ages and
 * verdicts, with fake secrets made here. For the HTML report's size and speed
 * in a browser, where the scan itself is not what is measured.
 */
export interface Synthetic {
  report: ScanReport;
  secrets: string[];
  repositories: string[];
  count: (test: (finding: Finding) => boolean) => number;
}

const AUTHORS = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov', 'Ken Thompson'];
const FILES = [
  'config/app.env',
  'deploy/values.yaml',
  'src/settings.py',
  'scripts/release.sh',
  '.github/workflows/ci.yml',
  'docs/setup.md',
];
const DAY = 86_400_000;

export function syntheticReport(size: number, repositoryCount = Math.max(1, Math.round(size / 100))): Synthetic {
  const all = builtinRules();
  // A spread of providers and severities, as an organisation's findings have.
  const providers = new Set<string>();
  const rules = all.filter((rule) => !providers.has(rule.provider) && providers.add(rule.provider)).slice(0, 24);
  const repositories = Array.from({ length: repositoryCount }, (_, i) => `acme/service-${String(i + 1).padStart(2, '0')}`);
  const secrets: string[] = [];
  const findings: Finding[] = [];
  const now = Date.now();
  for (let i = 0; i < size; i++) {
    const rule = rules[(i * 7) % rules.length]!;
    // One secret in ten was committed to a second repository as well.
    const reused = i % 10 === 9 && findings.length > 0 ? findings[i - 1]! : undefined;
    const secret = reused && reused.ruleId === rule.id ? reused.secret : `${rule.id.slice(0, 3)}_${base62(36)}`;
    secrets.push(secret);
    const date = new Date(now - ((i * 37) % 1200) * DAY - 3_600_000).toISOString();
    const line = 1 + (i % 40);
    findings.push({
      ruleId: rule.id,
      title: rule.title,
      provider: rule.provider,
      providerKey: rule.providerKey,
      severity: rule.severity,
      confidence: rule.confidence,
      path: FILES[i % FILES.length]!.replace('.', `${i % 13}.`),
      line,
      column: 8,
      endLine: line,
      endColumn: 8 + secret.length,
      secret,
      match: secret,
      snippet: `TOKEN = "${secret}"`,
      fingerprint: fingerprint(rule.id, secret),
      entropy: 4.5,
      offset: 0,
      origin: {
        path: FILES[i % FILES.length]!,
        repository: repositories[i % repositories.length]!,
        commit: { sha: hex(40), author: AUTHORS[i % AUTHORS.length]!, email: 'dev@example.com', date, message: `Change ${i}` },
        blob: hex(40),
      },
      occurrences: 1 + (i % 3 === 0 ? 1 : 0),
      remediation: rule.remediation ?? '',
      references: rule.references ?? [],
      ...(i % 10 === 0
        ? { verified: { status: 'live' as const, reason: 'the provider accepted it' } }
        : i % 10 === 1
          ? { verified: { status: 'dead' as const, reason: 'the provider refused it (401)' } }
          : i % 10 === 2
            ? { verified: { status: 'unknown' as const, reason: 'the provider did not answer' } }
            : {}),
    });
  }
  const report: ScanReport = {
    findings,
    suppressed: [],
    stats: {
      files: size * 3,
      bytes: size * 4096,
      skipped: {},
      durationMs: 123_456,
      complete: true,
      repositories: repositories.length,
      covered: repositories,
      failures: [],
    },
  };
  return { report, secrets, repositories, count: (test) => findings.filter(test).length };
}
