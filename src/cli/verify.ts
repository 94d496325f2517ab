import type { Argv } from 'yargs';
import { UsageError } from '../core/errors.js';
import type { RuleSpec } from '../core/types.js';
import { builtinRules } from '../rules/builtin.js';
import type { ScanReport } from '../scan/collector.js';
import { verifyReport } from '../scan/verify.js';
import { version } from '../version.js';
import { parseAllowedHost } from '../verify/hosts.js';
import { filterByResults, parseResults } from '../verify/results.js';
import { verifyingProviders } from '../verify/rules.js';
import type { CliIO } from './io.js';

/** Options of every scanning command for decoding and verification (README "Verification"). */
export function verifyOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('decode-depth', {
      type: 'number',
      default: 2,
      describe: 'Layers of base64, hex, percent and \\u/\\x encoding to look through for secrets; 0 turns decoding off',
    })
    .option('verify', {
      type: 'boolean',
      default: false,
      describe: 'Check each secret with one read-only request to its provider (sends the secret there; see README)',
    })
    .option('verify-host', {
      type: 'string',
      array: true,
      describe: 'A host named in scanned content (a BeyondTrust appliance) that may receive credentials; repeatable, *.example.com allowed',
    })
    .option('verify-endpoint', {
      type: 'string',
      array: true,
      describe: "PROVIDER=URL: send that provider's verification requests to URL (scheme, host, port) instead; repeatable",
    })
    .option('verify-timeout', { type: 'number', default: 10, describe: 'Seconds to wait for each verification request' })
    .option('only-live', {
      type: 'boolean',
      default: false,
      alias: 'only-verified',
      describe: 'Report only secrets that --verify found live (--only-verified is the same)',
    })
    .option('results', {
      type: 'string',
      array: true,
      describe: 'With --verify, report only these verdicts: a comma-separated list of live, unknown, dead',
    });
}

export interface VerifyArgs {
  'decode-depth': number;
  verify: boolean;
  'verify-host'?: string[];
  'verify-endpoint'?: string[];
  'verify-timeout': number;
  'only-live': boolean;
  results?: string[];
  quiet: boolean;
}

/** `--decode-depth` as the engine's `decode` option. */
export function decodeDepth(args: VerifyArgs): number {
  const depth = args['decode-depth'];
  if (!Number.isInteger(depth) || depth < 0 || depth > 5)
    throw new UsageError(`--decode-depth: "${depth}" must be a whole number from 0 to 5`);
  return depth;
}

/** `github=http://127.0.0.1:8080` → provider key and origin. Any provider with a verifying rule may be named. */
export function parseEndpoints(values: readonly string[], rules: readonly RuleSpec[] = builtinRules()): Map<string, string> {
  const known = verifyingProviders(rules);
  const endpoints = new Map<string, string>();
  for (const value of values) {
    const eq = value.indexOf('=');
    const provider = eq > 0 ? value.slice(0, eq).trim() : '';
    if (!known.includes(provider)) {
      throw new UsageError(
        `--verify-endpoint: "${value}" must be PROVIDER=URL with PROVIDER one of the providers that verify (docs/verification.md): ${known.join(', ')}`,
      );
    }
    let url: URL;
    try {
      url = new URL(value.slice(eq + 1).trim());
    } catch {
      throw new UsageError(`--verify-endpoint ${provider}: "${value.slice(eq + 1)}" is not a URL (try http://127.0.0.1:8080)`);
    }
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.username ||
      url.password ||
      url.search ||
      url.hash ||
      (url.pathname !== '/' && url.pathname !== '')
    ) {
      throw new UsageError(
        `--verify-endpoint ${provider}: give only scheme, host and port (like https://api.example.com:8443); the request path stays the provider's own`,
      );
    }
    endpoints.set(provider, url.origin);
  }
  return endpoints;
}

/** Checks the verification options before anything is scanned, so a typo fails fast. `rules`: as for {@link applyVerification}. */
export function checkVerifyArgs(args: VerifyArgs, rules?: readonly RuleSpec[]): void {
  decodeDepth(args);
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
  if (!(args['verify-timeout'] > 0))
    throw new UsageError(`--verify-timeout: "${args['verify-timeout']}" must be a number of seconds above 0`);
  (args['verify-host'] ?? []).forEach(parseAllowedHost);
  parseEndpoints(args['verify-endpoint'] ?? [], rules);
  if (args.results) {
    parseResults(args.results);
    if (args['only-live']) throw new UsageError('--only-verified (--only-live) and --results both choose verdicts: give one of them');
  }
}

/**
 * The post-processing step after a scan: verification with --verify, nothing
 * otherwise; then `--only-live` / `--results` keep the wanted verdicts.
 * `rules` are the rules the scan ran (their `verify:` blocks); default: the built-in rules.
 */
export async function applyVerification(report: ScanReport, args: VerifyArgs, io: CliIO, rules?: readonly RuleSpec[]): Promise<ScanReport> {
  if (!args.verify) return report;
  const wanted = args['only-live'] ? new Set(['live'] as const) : args.results ? parseResults(args.results) : undefined;
  const all = await verifyReport(report, {
    hosts: (args['verify-host'] ?? []).map(parseAllowedHost),
    endpoints: parseEndpoints(args['verify-endpoint'] ?? [], rules),
    timeoutMs: Math.round(args['verify-timeout'] * 1000),
    userAgent: `keyhound/${version()} (secret verification)`,
    ...(rules ? { rules } : {}),
  });
  const verified = wanted ? { ...all, findings: filterByResults(all.findings, wanted) } : all;
  const summary = verified.stats.verification as { live: number; dead: number; unknown: number; requests: number };
  if (!args.quiet)
    io.stderr.write(
      `keyhound: verified ${report.findings.length} secret${report.findings.length === 1 ? '' : 's'}: ${summary.live} live, ${summary.dead} dead, ${summary.unknown} unknown (${summary.requests} request${summary.requests === 1 ? '' : 's'})\n`,
    );
  return verified;
}
