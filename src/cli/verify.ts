import type { Argv } from 'yargs';
import { UsageError } from '../core/errors.js';
import type { ScanReport } from '../scan/collector.js';
import { verifyReport } from '../scan/verify.js';
import { version } from '../version.js';
import { parseAllowedHost } from '../verify/hosts.js';
import { VERIFIERS } from '../verify/registry.js';
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
    .option('only-live', { type: 'boolean', default: false, describe: 'Report only secrets that --verify found live' });
}

export interface VerifyArgs {
  'decode-depth': number;
  verify: boolean;
  'verify-host'?: string[];
  'verify-endpoint'?: string[];
  'verify-timeout': number;
  'only-live': boolean;
  quiet: boolean;
}

/** `--decode-depth` as the engine's `decode` option. */
export function decodeDepth(args: VerifyArgs): number {
  const depth = args['decode-depth'];
  if (!Number.isInteger(depth) || depth < 0 || depth > 5)
    throw new UsageError(`--decode-depth: "${depth}" must be a whole number from 0 to 5`);
  return depth;
}

/** `github=http://127.0.0.1:8080` → provider key and origin. */
export function parseEndpoints(values: readonly string[]): Map<string, string> {
  const known = VERIFIERS.map((v) => v.provider);
  const endpoints = new Map<string, string>();
  for (const value of values) {
    const eq = value.indexOf('=');
    const provider = eq > 0 ? value.slice(0, eq).trim() : '';
    if (!known.includes(provider)) {
      throw new UsageError(`--verify-endpoint: "${value}" must be PROVIDER=URL with PROVIDER one of ${known.join(', ')}`);
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

/** Checks the verification options before anything is scanned, so a typo fails fast. */
export function checkVerifyArgs(args: VerifyArgs): void {
  decodeDepth(args);
  if (!args.verify) {
    const needs = [
      args['only-live'] && '--only-live',
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
  parseEndpoints(args['verify-endpoint'] ?? []);
}

/** The post-processing step after a scan: verification with --verify, nothing otherwise. */
export async function applyVerification(report: ScanReport, args: VerifyArgs, io: CliIO): Promise<ScanReport> {
  if (!args.verify) return report;
  const verified = await verifyReport(report, {
    hosts: (args['verify-host'] ?? []).map(parseAllowedHost),
    endpoints: parseEndpoints(args['verify-endpoint'] ?? []),
    timeoutMs: Math.round(args['verify-timeout'] * 1000),
    onlyLive: args['only-live'],
    userAgent: `keyhound/${version()} (secret verification)`,
  });
  const summary = verified.stats.verification as { live: number; dead: number; unknown: number; requests: number };
  if (!args.quiet)
    io.stderr.write(
      `keyhound: verified ${report.findings.length} secret${report.findings.length === 1 ? '' : 's'}: ${summary.live} live, ${summary.dead} dead, ${summary.unknown} unknown (${summary.requests} request${summary.requests === 1 ? '' : 's'})\n`,
    );
  return verified;
}
