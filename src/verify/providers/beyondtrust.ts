import { field, inconclusive, json, type Http } from '../http.js';
import { parseHost } from '../hosts.js';
import { dead, live, unknown, type Verifier } from '../types.js';

/** BeyondTrust's SaaS sites; any other host (an appliance) must be allowed with --verify-host. */
const KNOWN = ['.beyondtrustcloud.com'];
const CLIENT_ID = /^[a-f0-9]{40}$/;
/** Remote Support / Privileged Remote Access OAuth client secrets (Password Safe keys sign in with a session, so they are not verified). */
const RULES = new Set(['beyondtrust-client-secret', 'beyondtrust-client-secret-paired', 'beyondtrust-client-credentials-pair']);

interface BeyondTrustInput {
  site: string;
  clientId: string;
  secret: string;
}

/**
 * One OAuth client-credentials token request, `POST https://<site>/oauth2/token`
 * with HTTP Basic `client_id:client_secret` (docs.beyondtrust.com, "API test
 * scenario"). The issued token is read for nothing and thrown away; it expires
 * on its own after an hour. The site is the host found near the secret (the
 * rules put it in `context.site`) and must be a *.beyondtrustcloud.com site or
 * a host allowed with --verify-host: a credential is never sent to a host a
 * scanned file merely names.
 */
export const beyondtrustVerifier: Verifier<BeyondTrustInput> = {
  provider: 'beyondtrust',
  origin: 'https://<site>',
  appliesTo: (finding) => RULES.has(finding.ruleId),
  input(finding, context) {
    const clientId = context.related('beyondtrust-client-id') ?? context.related('id') ?? context.related('client_id');
    if (!clientId || !CLIENT_ID.test(clientId)) return unknown('no BeyondTrust OAuth client id found near the secret');
    const found = context.related('site');
    if (!found) return unknown('no BeyondTrust site host found near the secret');
    const site = parseHost(found);
    if (!site) return unknown('the site found near the secret is not a plain host name; not contacted');
    if (!context.hostAllowed(site, KNOWN))
      return unknown(`site ${site} is not a *.beyondtrustcloud.com site; not contacted (allow it with --verify-host ${site})`);
    return { site, clientId, secret: finding.secret };
  },
  async verify({ site, clientId, secret }, http: Http) {
    const answer = await http.send(`https://${site}`, {
      method: 'POST',
      path: '/oauth2/token',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    if (answer.kind === 'response') {
      const body = json(answer);
      if (answer.status === 200 && typeof body?.access_token === 'string') {
        const expires = field(body.expires_in);
        return live(`${site} issued an access token for the client credentials (HTTP 200${expires ? `, expires in ${expires} s` : ''})`);
      }
      if (answer.status === 400 || answer.status === 401) {
        const error = field(body?.error);
        if (answer.status === 401 || error === 'invalid_client')
          return dead(`${site} rejected the client credentials (HTTP ${answer.status}${error ? ` ${error}` : ''})`);
      }
    }
    return inconclusive(answer);
  },
};
