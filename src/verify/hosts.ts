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

/**
 * Whether a host taken from scanned content may receive a credential: it lies
 * under one of the provider's own domains (`knownSuffixes`, each starting
 * with a dot), or the user allowed it.
 */
export function hostAllowed(host: string, knownSuffixes: readonly string[], allowed: readonly string[]): boolean {
  const name = parseHost(host);
  if (!name) return false;
  if (knownSuffixes.some((suffix) => name.endsWith(suffix) && name.length > suffix.length)) return true;
  return allowed.some((entry) => (entry.startsWith('*.') ? name.endsWith(entry.slice(1)) : name === entry));
}
