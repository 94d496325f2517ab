import type { RuleSpec } from '../core/types.js';
import type { VerifySpec } from '../core/verify-spec.js';

/** Whether `--verify` can check this rule's secrets (it has a `verify:` block). For `rules list` and reports. */
export function verifiesRule(rule: RuleSpec): rule is RuleSpec & { verify: VerifySpec } {
  return rule.verify !== undefined;
}

/** The provider keys (rule file stems) that have at least one verifying rule: the names `--verify-endpoint` accepts. */
export function verifyingProviders(rules: readonly RuleSpec[]): string[] {
  return [...new Set(rules.filter(verifiesRule).map((rule) => rule.providerKey))].sort();
}

/** Where the owner revokes the credential: the rule's `verify.revoke`, else the first link in its remediation. */
export function revokeUrl(rule: RuleSpec): string | undefined {
  if (rule.verify?.revoke) return rule.verify.revoke;
  const link = /https:\/\/[^\s<>"')\]]{4,300}/.exec(rule.remediation)?.[0];
  return link?.replace(/[.,;:]+$/, '');
}

/**
 * The host (or host pattern) a rule's check sends the secret to, for docs and
 * `rules list`: `api.github.com`, or `*.beyondtrustcloud.com` for a site from
 * content. Undefined for a rule that does not verify.
 */
export function verifyHosts(rule: RuleSpec, namedOrigins: Readonly<Record<string, { origin: string }>>): string[] | undefined {
  const spec = rule.verify;
  if (!spec) return undefined;
  if (spec.site) return spec.site.hosts;
  const url = spec.request?.url ?? namedOrigins[spec.use ?? '']?.origin;
  return url ? [new URL(url).host] : undefined;
}
