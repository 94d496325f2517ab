import { field, inconclusive, json, type Http } from '../http.js';
import { dead, live, unknown, type NamedVerifier } from '../types.js';

const ORIGIN = 'https://api.twilio.com';
const ACCOUNT_SID = /^AC[a-f0-9]{32}$/;
const KEY_SID = /^SK[a-f0-9]{32}$/;

interface TwilioInput {
  /** Who signs in: the Account SID (auth token) or the API key SID (API key secret). */
  user: string;
  secret: string;
  account: string;
}

/**
 * `GET /2010-04-01/Accounts/{AccountSid}.json` with HTTP Basic: an auth token
 * signs in as its Account SID, an API key secret as its key SID (`SK...`). Both
 * need the Account SID, found near the secret (or in the URL it sits in).
 */
export const twilioAccount: NamedVerifier<TwilioInput> = {
  name: 'twilio-account',
  sends: { method: 'GET', path: '/2010-04-01/Accounts/{AccountSid}.json', secret: 'basic' },
  needs: ['its Account SID (and API key SID)'],
  input(finding, context) {
    const inMatch = /AC[a-f0-9]{32}/.exec(finding.match)?.[0];
    const account = [context.related('account_sid'), inMatch].find((v) => v !== undefined && ACCOUNT_SID.test(v));
    if (!account) return unknown('no Twilio Account SID (AC...) found near the secret');
    if (finding.ruleId !== 'twilio-api-key-secret') return { user: account, secret: finding.secret, account };
    const key = context.related('api_key_sid');
    if (!key || !KEY_SID.test(key)) return unknown('no Twilio API key SID (SK...) found near the secret');
    return { user: key, secret: finding.secret, account };
  },
  async verify({ user, secret, account }, http: Http) {
    const answer = await http.send(ORIGIN, {
      method: 'GET',
      path: `/2010-04-01/Accounts/${account}.json`,
      headers: { authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}` },
    });
    if (answer.kind === 'response') {
      if (answer.status === 200) {
        const status = field(json(answer)?.status);
        const name = field(json(answer)?.friendly_name);
        return live(`Twilio accepted the credentials for account ${account} (HTTP 200)${status ? `; account ${status}` : ''}`, {
          account,
          ...(name ? { name } : {}),
          ...(status ? { state: status } : {}),
        });
      }
      if (answer.status === 401) return dead('Twilio rejected the credentials (HTTP 401)');
    }
    return inconclusive(answer);
  },
};
