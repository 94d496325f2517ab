import { UsageError } from '../core/errors.js';
import type { RuleSpec } from '../core/types.js';
import { builtinRules } from '../rules/builtin.js';
import { verifyingProviders } from './rules.js';

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
