import { UsageError } from '../core/errors.js';
import type { Step } from '../scan/steps.js';
import { verifyStep } from '../scan/verify.js';
import { version } from '../version.js';
import { parseAllowedHost } from '../verify/hosts.js';
import { VERIFIERS } from '../verify/registry.js';
import type { CliIO } from './io.js';

/** The verification options as yargs gives them (README "Verification"). */
export interface VerifyArgs {
  verify: boolean;
  'verify-host'?: string[];
  'verify-endpoint'?: string[];
  'verify-timeout': number;
  'only-live': boolean;
  quiet: boolean;
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
  (args['verify-host'] ?? []).forEach(parseAllowedHost);
  parseEndpoints(args['verify-endpoint'] ?? []);
}

/** The runner's verification step with --verify (and the line that counts the verdicts); none otherwise. */
export function verifySteps(args: VerifyArgs, io: CliIO): Step[] {
  if (!args.verify) return [];
  return [
    verifyStep({
      hosts: (args['verify-host'] ?? []).map(parseAllowedHost),
      endpoints: parseEndpoints(args['verify-endpoint'] ?? []),
      timeoutMs: Math.round(args['verify-timeout'] * 1000),
      onlyLive: args['only-live'],
      userAgent: `keyhound/${version()} (secret verification)`,
      onDone: (checked, summary) => {
        if (args.quiet) return;
        io.stderr.write(
          `keyhound: verified ${checked} secret${checked === 1 ? '' : 's'}: ${summary.live} live, ${summary.dead} dead, ${summary.unknown} unknown (${summary.requests} request${summary.requests === 1 ? '' : 's'})\n`,
        );
      },
    }),
  ];
}
