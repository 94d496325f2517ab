import { field, inconclusive, json, type Http } from '../http.js';
import { dead, live, type Verifier } from '../types.js';

const ORIGIN = 'https://registry.npmjs.org';

/**
 * `GET /-/whoami`. Only `npm_` tokens, which npmjs.com alone issues: a token
 * for a private registry must never be sent to the public one.
 */
export const npmVerifier: Verifier<{ token: string }> = {
  provider: 'npm',
  origin: ORIGIN,
  appliesTo: (finding) => /^npm_[A-Za-z0-9]{36}$/.test(finding.secret),
  input: (finding) => ({ token: finding.secret }),
  async verify({ token }, http: Http) {
    const answer = await http.send(ORIGIN, { method: 'GET', path: '/-/whoami', headers: { authorization: `Bearer ${token}` } });
    if (answer.kind === 'response') {
      if (answer.status === 200) {
        const user = field(json(answer)?.username);
        return live(`npm accepted the token (HTTP 200)${user ? ` as ${user}` : ''}`);
      }
      if (answer.status === 401) return dead('npm rejected the token (HTTP 401)');
    }
    return inconclusive(answer);
  },
};
