import { inconclusive, type Http } from '../http.js';
import { dead, live, type Verifier } from '../types.js';

const ORIGIN = 'https://api.anthropic.com';

/** `GET /v1/models` with `x-api-key` (read-only, costs nothing). API keys only; admin keys and OAuth tokens stay unverified. */
export const anthropicVerifier: Verifier<{ key: string }> = {
  provider: 'anthropic',
  origin: ORIGIN,
  appliesTo: (finding) => finding.ruleId === 'anthropic-api-key',
  input: (finding) => ({ key: finding.secret }),
  async verify({ key }, http: Http) {
    const answer = await http.send(ORIGIN, {
      method: 'GET',
      path: '/v1/models',
      headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01' },
    });
    if (answer.kind === 'response') {
      if (answer.status === 200) return live('Anthropic accepted the key (HTTP 200)');
      if (answer.status === 401) return dead('Anthropic rejected the key (HTTP 401)');
    }
    return inconclusive(answer);
  },
};
