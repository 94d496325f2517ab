import type { Finding, Verification } from '../core/types.js';
import type { Http } from './http.js';

/**
 * A verifier written in TypeScript, for checks that data cannot describe:
 * signed requests (AWS SigV4), token flows with a site from content
 * (BeyondTrust), answers that need a second request (GitLab). A rule names it
 * with `verify: { use: NAME }`. Like an HTTP check, it makes read-only requests
 * only, contacts its provider's own hosts only (a host from content comes from
 * `context.site()`, which applies the rule's `site.hosts` and `--verify-host`),
 * and never puts a response body or a secret into a reason.
 */
export interface NamedVerifier<Input = unknown> {
  /** The name rules use (`aws-sts`); listed in core/verify-spec.ts NAMED_VERIFIERS. */
  name: string;
  /** What goes out, for docs and the generated tests: method, path, and where the secret travels. */
  sends: { method: 'GET' | 'POST'; path: string; secret: SecretPlace };
  /** Values found near the secret that the request needs, in words (docs). */
  needs?: string[];
  /**
   * What the request needs from the finding (the secret, a paired id, a site),
   * or a verdict when it cannot be made. Equal inputs are verified once a run.
   */
  input(finding: Finding, context: InputContext): Input | Verification;
  verify(input: Input, http: Http): Promise<Verification>;
}

/** Where a verifier puts the secret: in HTTP Basic, a bearer header, a named header, or only in a signature (AWS). */
export type SecretPlace = 'basic' | 'bearer' | `header:${string}` | 'signature' | 'jwt-signature';

export interface InputContext {
  /**
   * A value paired with the secret: a named group of the rule's match or of a
   * `near` pattern, a `near` rule's match, or the nearest finding of rule
   * `name` in the same file. When the rule declares `partners.NAME`, a value
   * that does not match its regex is not returned.
   */
  related(name: string): string | undefined;
  /** The host from the rule's `site` partner when it is allowed, or the verdict explaining why nothing is sent. */
  site(): { host: string } | Verification;
}

export { dead, isVerification, live, unknown } from './verdicts.js';
