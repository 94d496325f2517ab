import { field, inconclusive, json, type Http } from '../http.js';
import { dead, live, unknown, type Verifier } from '../types.js';

const ORIGIN = 'https://slack.com';
/** Bot, user and legacy tokens; webhooks are never verified (the only test would post a message). */
const RULES = new Set(['slack-bot-token', 'slack-user-token', 'slack-legacy-token']);
/** auth.test errors that mean the token does not work (https://api.slack.com/methods/auth.test). */
const DEAD = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'no_such_token']);

/** `POST /api/auth.test`: read-only, needs no scope, names the team and user. */
export const slackVerifier: Verifier<{ token: string }> = {
  provider: 'slack',
  origin: ORIGIN,
  appliesTo: (finding) => RULES.has(finding.ruleId),
  input: (finding) => ({ token: finding.secret }),
  async verify({ token }, http: Http) {
    const answer = await http.send(ORIGIN, {
      method: 'POST',
      path: '/api/auth.test',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    if (answer.kind === 'response' && answer.status === 200) {
      const body = json(answer);
      if (body?.ok === true) {
        const team = field(body.team);
        const user = field(body.user);
        return live(`Slack accepted the token${team ? ` for team ${team}` : ''}${user ? ` as ${user}` : ''}`);
      }
      const error = field(body?.error) ?? 'no error code';
      return DEAD.has(error) ? dead(`Slack rejected the token (${error})`) : unknown(`Slack answered ${error}`);
    }
    return inconclusive(answer);
  },
};
