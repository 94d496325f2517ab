import type { Finding, RuleSpec, Verification } from '../core/types.js';
import type { VerifySpec } from '../core/verify-spec.js';
import { classify } from './answer.js';
import type { Http } from './http.js';
import { NAMED } from './registry.js';
import { renderRequest, UnsafeValueError, type RenderedRequest } from './template.js';
import { isVerification, unknown, type InputContext } from './types.js';

/** How one rule's secrets are verified: what a request needs from a finding, and how it is sent and judged. */
export interface Plan {
  rule: RuleSpec & { verify: VerifySpec };
  /** The request's inputs (equal inputs are verified once a run), or a verdict when no request can be made. */
  input(finding: Finding, context: InputContext): unknown;
  run(input: unknown, http: Http): Promise<Verification>;
}

interface HttpCheckInput {
  rendered: RenderedRequest;
  /** The secret and the partners sent with it, masked in facts and reasons. */
  mask: string[];
}

/** The plan for an HTTP check written as data in the rule. */
function httpCheck(rule: Plan['rule']): Plan {
  const spec = rule.verify;
  const request = spec.request!;
  return {
    rule,
    input(finding, context): HttpCheckInput | Verification {
      const partners: Record<string, string> = {};
      for (const name of Object.keys(spec.partners ?? {})) {
        const value = context.related(name);
        if (value === undefined) return unknown(`no ${name} found near the secret (${rule.provider} needs it to check the secret)`);
        partners[name] = value;
      }
      let site: string | undefined;
      if (spec.site) {
        const checked = context.site();
        if (isVerification(checked)) return checked;
        site = checked.host;
      }
      try {
        const rendered = renderRequest(request, { secret: finding.secret, partners, ...(site ? { site } : {}) });
        return { rendered, mask: [finding.secret, ...Object.values(partners)] };
      } catch (error) {
        if (error instanceof UnsafeValueError)
          return unknown(`a value found near the secret cannot be sent safely (${error.message}); not contacted`);
        throw error;
      }
    },
    async run(input, http) {
      const { rendered, mask } = input as HttpCheckInput;
      const answer = await http.send(rendered.origin, rendered.request);
      return classify(answer, spec, { provider: rule.provider, mask, host: new URL(rendered.origin).host });
    },
  };
}

/** The plan for a rule's `verify:` block: its HTTP check, or the named verifier it uses. */
export function planFor(rule: Plan['rule']): Plan {
  if (rule.verify.request) return httpCheck(rule);
  const named = NAMED.get(rule.verify.use ?? '');
  // The loader refused unknown names; a rule built by hand (library API) may still carry one.
  if (!named)
    return {
      rule,
      input: () => unknown(`no verifier named ${rule.verify.use ?? '(none)'}`),
      run: () => Promise.resolve(unknown('no verifier')),
    };
  return { rule, input: (finding, context) => named.input(finding, context), run: (input, http) => named.verify(input, http) };
}
