import type { Finding, Verification } from '../core/types.js';
import type { Http } from './http.js';

/**
 * A credential check for one provider: one read-only request that proves
 * whether a secret works. Verifiers never make a request that changes
 * anything, never send a credential to a host the provider does not own (or
 * the user did not allow with `--verify-host`), and never put response bodies
 * or secrets into a reason.
 */
export interface Verifier<Input = unknown> {
  /** The rules file's stem (`Finding.providerKey`); `--verify-endpoint` names it. */
  provider: string;
  /** The provider's API origin, e.g. `https://api.github.com` (for a per-site API, what the README shows). */
  origin: string;
  /** Whether this verifier can check the finding's secret (its rule, its shape). */
  appliesTo(finding: Finding): boolean;
  /**
   * What the request needs from the finding (the secret, a paired id, a site),
   * or a verdict when it cannot be made. Equal inputs are verified once a run.
   */
  input(finding: Finding, context: InputContext): Input | Verification;
  verify(input: Input, http: Http): Promise<Verification>;
}

export interface InputContext {
  /** Values paired with the secret: `Finding.related`, `Finding.context`, and nearby findings of partner rules. */
  related(name: string): string | undefined;
  /** Whether a host taken from scanned content may receive a credential: a known domain of the provider, or allowed by `--verify-host`. */
  hostAllowed(host: string, knownSuffixes: readonly string[]): boolean;
}

export const live = (reason: string): Verification => ({ status: 'live', reason });
export const dead = (reason: string): Verification => ({ status: 'dead', reason });
export const unknown = (reason: string): Verification => ({ status: 'unknown', reason });

export function isVerification(value: unknown): value is Verification {
  return typeof value === 'object' && value !== null && 'status' in value && 'reason' in value;
}
