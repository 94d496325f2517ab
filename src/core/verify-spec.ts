/**
 * The `verify:` block of a rule (docs/verification.md): how one read-only
 * request proves whether a secret works. Either data (an HTTP request and
 * matchers over the answer) or the name of a verifier written in TypeScript
 * (signed requests, multi-step flows). Pure types and constants: no I/O.
 */

/** What a verification found. */
export type VerifyStatus = 'live' | 'dead' | 'unknown';
export const VERIFY_STATUSES: readonly VerifyStatus[] = ['live', 'dead', 'unknown'];

/**
 * Why a POST is read-only. Only these are allowed (GET and HEAD need no reason):
 * - `whoami`: the provider documents the call as "who am I / test the token" (Slack auth.test);
 * - `token`: an OAuth token request (client credentials, JWT bearer) that only issues a short-lived token;
 * - `introspection`: token introspection (RFC 7662) or a provider's token-info call;
 * - `query`: a GraphQL query (the body is a `query`, never a `mutation`).
 */
export type ReadOnlyPost = 'whoami' | 'token' | 'introspection' | 'query';
export const READ_ONLY_POSTS: readonly ReadOnlyPost[] = ['whoami', 'token', 'introspection', 'query'];

/**
 * One HTTP request. Every string may hold templates: `{{secret}}`,
 * `{{partner.NAME}}` (a value found near the secret, declared in `partners`)
 * and, only as the URL's host, `{{site}}` (declared in `site`).
 */
export interface VerifyRequest {
  method: 'GET' | 'HEAD' | 'POST';
  /** `https://host/path?query`. The host is literal, or `{{site}}`. */
  url: string;
  /** Required for POST: why the call changes nothing. */
  readonly?: ReadOnlyPost;
  headers?: Record<string, string>;
  /** HTTP Basic credentials. */
  basic?: { user: string; password: string };
  /** A form body (`application/x-www-form-urlencoded`). */
  form?: Record<string, string>;
  /** A JSON body; string values anywhere in it may hold templates. */
  json?: unknown;
}

/** A condition on a JSON field: equal to a value, one of several, or present/absent. */
export type JsonCondition = string | number | boolean | null | (string | number | boolean | null)[] | { exists: boolean };

/** Classifies an answer when every condition it names holds. */
export interface VerifyMatcher {
  /** Any of these statuses. */
  status?: number[];
  /** Field paths (`error.code`, `data.0.id`) and the values they must hold. */
  json?: Record<string, JsonCondition>;
  /** Text the body must contain (every entry). */
  body?: string[];
  /** Header names (lower-case) and regexes (case-insensitive) their values must match. */
  headers?: Record<string, string>;
  /**
   * The verdict's reason, with `{{status}}` and `{{FACT}}` placeholders; a
   * `[...]` part is left out when a placeholder in it has no value.
   */
  reason?: string;
}

/** A host taken from a value found near the secret, allowed only under `hosts` (or by `--verify-host`). */
export interface SiteSpec {
  /** The name the value is found under: a named group of a `near` pattern (`site`) or a `near` rule's id. */
  partner: string;
  /** Host patterns the value must match: `example.com` or `*.example.com` (sub-domains only). */
  hosts: string[];
  /** Appended to a bare label (`acme` → `acme.zendesk.com`); the result must still match `hosts`. */
  suffix?: string;
}

/**
 * A value the request needs besides the secret (an account id, a client id).
 * It is found under its name: a named group of the rule's match or of a `near`
 * pattern, a `near` rule's match, or the nearest finding of the rule with that
 * id in the same file. `near` adds a pattern for it to the rule's own `near`
 * list (never required, so detection does not change).
 */
export interface PartnerSpec {
  /** A regex the whole value must match; anything else is not sent. */
  value: string;
  /** A pattern with a named group NAME that finds the value near the secret. */
  near?: string;
  flags?: string;
  /** Lines around the secret the `near` pattern looks in. Default 10. */
  lines?: number;
}

/** An answer shaped as the vendor documents it; tests serve it from a stand-in. */
export interface ExampleAnswer {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value, or text (XML, plain). */
  body?: unknown;
}

export interface VerifySpec {
  /** A verifier written in TypeScript (src/verify/named/), instead of `request`. */
  use?: string;
  request?: VerifyRequest;
  /** Values the request needs from near the secret, by name (`{{partner.NAME}}`). */
  partners?: Record<string, PartnerSpec>;
  site?: SiteSpec;
  /** Matchers for a working credential, tried in order before `dead`. */
  live?: VerifyMatcher[];
  /** Matchers for a rejected credential. Anything else is `unknown`. */
  dead?: VerifyMatcher[];
  /** Facts for the report: name (`account`, `scopes`, `expiry`, `organisation`) → `json.PATH`, `header.NAME` or `status`. */
  facts?: Record<string, string>;
  /** Where the owner revokes the credential; default: the first link of the rule's remediation. */
  revoke?: string;
  /** The vendor's documentation of the endpoint (also added to the rule's references). */
  docs: string[];
  /** Requests in flight and requests a second, for this provider (the smallest of its rules' wins). */
  limit?: { concurrency?: number; perSecond?: number };
  examples: {
    live: ExampleAnswer;
    dead: ExampleAnswer;
    /** Text holding the secret and its partners, when the rule's own positive examples lack the partners. */
    text?: string;
  };
}

/**
 * Verifiers written in TypeScript that a rule may name with `use:`, and the
 * hosts each may contact (`{{site}}`: a host from `site`). Listed here, below
 * the rules layer, so loading a rule can refuse an unknown name; a test keeps
 * this list and src/verify/named/ in agreement.
 */
export const NAMED_VERIFIERS: Readonly<Record<string, { origin: string; needsSite?: boolean }>> = {
  'alibaba-sts': { origin: 'https://sts.aliyuncs.com' },
  'aws-sts': { origin: 'https://sts.amazonaws.com' },
  'beyondtrust-oauth': { origin: 'https://{{site}}', needsSite: true },
  'github-user': { origin: 'https://api.github.com' },
  'gitlab-token': { origin: 'https://gitlab.com' },
  'twilio-account': { origin: 'https://api.twilio.com' },
};
