import { inconclusive, json, type Http } from '../http.js';
import { dead, live, type Verifier } from '../types.js';

const ORIGIN = 'https://api.openai.com';

/**
 * `GET /v1/models` (read-only, costs nothing). Project and user keys; admin
 * keys (`sk-admin-`) are not accepted there and stay unverified.
 */
export const openaiVerifier: Verifier<{ key: string }> = {
  provider: 'openai',
  origin: ORIGIN,
  appliesTo: (finding) => finding.ruleId === 'openai-api-key',
  input: (finding) => ({ key: finding.secret }),
  async verify({ key }, http: Http) {
    const answer = await http.send(ORIGIN, { method: 'GET', path: '/v1/models', headers: { authorization: `Bearer ${key}` } });
    if (answer.kind === 'response') {
      if (answer.status === 200) return live('OpenAI accepted the key (HTTP 200)');
      if (answer.status === 401) return dead('OpenAI rejected the key (HTTP 401)');
      const error = json(answer)?.error as { code?: unknown } | undefined;
      if (answer.status === 429 && error?.code === 'insufficient_quota')
        return live('OpenAI accepted the key, whose account has no quota left (HTTP 429 insufficient_quota)');
    }
    return inconclusive(answer);
  },
};
