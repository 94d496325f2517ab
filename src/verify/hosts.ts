import { UsageError } from '../core/errors.js';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL}){0,126}$`);

/**
 * A host name as found in scanned content (`acme.beyondtrustcloud.com`),
 * lower-cased, or undefined when it is anything else: a port, a path, user
 * info or odd characters could steer a request somewhere the check below did
 * not look at.
 */
export function parseHost(value: string): string | undefined {
  const host = value.trim().toLowerCase().replace(/\.$/, '');
  return host.length <= 253 && HOSTNAME.test(host) ? host : undefined;
}

/** A `--verify-host` value: a host name, or `*.example.com` for every host under a domain. */
export function parseAllowedHost(value: string): string {
  const wildcard = value.trim().startsWith('*.');
  const host = parseHost(wildcard ? value.trim().slice(2) : value);
  if (!host)
    throw new UsageError(
      `--verify-host: "${value}" is not a host name (give a name like support.example.com or *.example.com, without scheme, port or path)`,
    );
  return wildcard ? `*.${host}` : host;
}

/** Whether a host name matches a pattern: `example.com` exactly, or `*.example.com` for its sub-domains (not the domain itself). */
export function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern;
}

/**
 * Whether a host taken from scanned content may receive a credential: it
 * matches one of the rule's own host patterns (`*.beyondtrustcloud.com`), or
 * the user allowed it with `--verify-host`.
 */
export function hostAllowed(host: string, patterns: readonly string[], allowed: readonly string[]): boolean {
  const name = parseHost(host);
  if (!name) return false;
  return patterns.some((pattern) => hostMatches(name, pattern)) || allowed.some((entry) => hostMatches(name, entry));
}
