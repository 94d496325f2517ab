import { UsageError } from '../core/errors.js';
import type { RuleSpec } from '../core/types.js';
import type { Step } from '../scan/steps.js';
import { verifyStep } from '../scan/verify.js';
import { version } from '../version.js';
import { parseAllowedHost } from '../verify/hosts.js';
import { filterByResults, parseResults } from '../verify/results.js';
import { parseEndpoints } from '../verify/endpoints.js';
import type { CliIO } from './io.js';

/** The verification options as yargs gives them (README "Verification", docs/verification.md). */
export interface VerifyArgs {
  verify: boolean;
  'verify-host'?: string[];
  'verify-endpoint'?: string[];
  'verify-timeout': number;
  /** Also `--only-verified`. */
  'only-live': boolean;
  /** `--results live,unknown,dead`. */
  results?: string[];
  quiet: boolean;
}

/**
 * Checks the verification options before anything is scanned, so a typo fails fast.
 * `rules`: the rules the scan runs (their `verify:` blocks); default: the built-in rules.
 */
export function checkVerifyArgs(args: VerifyArgs, rules?: readonly RuleSpec[]): void {
  if (!args.verify) {
    const needs = [
      args['only-live'] && '--only-live',
      args.results?.length && '--results',
      args['verify-host']?.length && '--verify-host',
      args['verify-endpoint']?.length && '--verify-endpoint',
    ].filter(Boolean);
    if (needs.length > 0)
      throw new UsageError(
        `${needs.join(', ')} need${needs.length === 1 ? 's' : ''} --verify (verification requests are sent only when you ask for them)`,
      );
    return;
  }
  (args['verify-host'] ?? []).forEach(parseAllowedHost);
  parseEndpoints(args['verify-endpoint'] ?? [], rules);
  if (args.results) {
    parseResults(args.results);
    if (args['only-live']) throw new UsageError('--only-verified (--only-live) and --results both choose verdicts: give one of them');
  }
}

/**
 * The runner's verification step with --verify (and the line that counts the
 * verdicts), then `--results` keeping the wanted verdicts; none without --verify.
 * `rules`: as for {@link checkVerifyArgs}.
 */
export function verifySteps(args: VerifyArgs, io: CliIO, rules?: readonly RuleSpec[]): Step[] {
  if (!args.verify) return [];
  const steps: Step[] = [
    verifyStep({
      hosts: (args['verify-host'] ?? []).map(parseAllowedHost),
      endpoints: parseEndpoints(args['verify-endpoint'] ?? [], rules),
      timeoutMs: Math.round(args['verify-timeout'] * 1000),
      onlyLive: args['only-live'],
      userAgent: `keyhound/${version()} (secret verification)`,
      ...(rules ? { rules } : {}),
      onDone: (checked, summary) => {
        if (args.quiet) return;
        io.stderr.write(
          `keyhound: verified ${checked} secret${checked === 1 ? '' : 's'}: ${summary.live} live, ${summary.dead} dead, ${summary.unknown} unknown (${summary.requests} request${summary.requests === 1 ? '' : 's'})\n`,
        );
      },
    }),
  ];
  if (args.results) {
    const wanted = parseResults(args.results);
    steps.push({ name: 'results', end: (report) => ({ ...report, findings: filterByResults(report.findings, wanted) }) });
  }
  return steps;
}
