import { inconclusive, json, type Http } from '../http.js';
import { dead, live, type Verifier } from '../types.js';

const ORIGIN = 'https://api.stripe.com';
const RULES = new Set(['stripe-secret-key', 'stripe-restricted-key', 'stripe-test-key']);

/**
 * `GET /v1/balance` (read-only). Stripe answers 401 for an unknown key and 403
 * for a valid restricted key without this permission
 * (https://docs.stripe.com/api/errors), so 403 is live too.
 */
export const stripeVerifier: Verifier<{ key: string }> = {
  provider: 'stripe',
  origin: ORIGIN,
  appliesTo: (finding) => RULES.has(finding.ruleId),
  input: (finding) => ({ key: finding.secret }),
  async verify({ key }, http: Http) {
    const answer = await http.send(ORIGIN, { method: 'GET', path: '/v1/balance', headers: { authorization: `Bearer ${key}` } });
    if (answer.kind === 'response') {
      if (answer.status === 200) {
        const mode = json(answer)?.livemode;
        return live(`Stripe accepted the key (HTTP 200)${mode === true ? '; live mode' : mode === false ? '; test mode' : ''}`);
      }
      if (answer.status === 401) return dead('Stripe rejected the key (HTTP 401)');
      if (answer.status === 403) return live('Stripe accepted the key, which may not read the balance (HTTP 403: a restricted key)');
    }
    return inconclusive(answer);
  },
};
