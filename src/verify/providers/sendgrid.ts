import { inconclusive, json, type Http } from '../http.js';
import { dead, live, type Verifier } from '../types.js';

const ORIGIN = 'https://api.sendgrid.com';

/** `GET /v3/scopes`: every API key may list its own scopes (https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions). */
export const sendgridVerifier: Verifier<{ key: string }> = {
  provider: 'sendgrid',
  origin: ORIGIN,
  appliesTo: (finding) => finding.ruleId === 'sendgrid-api-key',
  input: (finding) => ({ key: finding.secret }),
  async verify({ key }, http: Http) {
    const answer = await http.send(ORIGIN, { method: 'GET', path: '/v3/scopes', headers: { authorization: `Bearer ${key}` } });
    if (answer.kind === 'response') {
      if (answer.status === 200) {
        const scopes = json(answer)?.scopes;
        return live(
          `SendGrid accepted the key (HTTP 200)${Array.isArray(scopes) ? `; ${scopes.length} scope${scopes.length === 1 ? '' : 's'}` : ''}`,
        );
      }
      if (answer.status === 401) return dead('SendGrid rejected the key (HTTP 401)');
    }
    return inconclusive(answer);
  },
};
