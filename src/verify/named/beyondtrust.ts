import { field, inconclusive, json, type Http } from '../http.js';
import { dead, isVerification, live, unknown, type NamedVerifier } from '../types.js';

const CLIENT_ID = /^[a-f0-9]{40}$/;

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
 * rules put it in `context.site`) and must match the rule's `site.hosts`
 * (`*.beyondtrustcloud.com`) or a host allowed with --verify-host: a
 * credential is never sent to a host a scanned file merely names.
 */
export const beyondtrustOauth: NamedVerifier<BeyondTrustInput> = {
  name: 'beyondtrust-oauth',
  sends: { method: 'POST', path: '/oauth2/token', secret: 'basic' },
  needs: ['its client id'],
  input(finding, context) {
    const clientId = context.related('beyondtrust-client-id') ?? context.related('id') ?? context.related('client_id');
    if (!clientId || !CLIENT_ID.test(clientId)) return unknown('no BeyondTrust OAuth client id found near the secret');
    const site = context.site();
    if (isVerification(site)) return site;
    return { site: site.host, clientId, secret: finding.secret };
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
        const scope = field(body.scope);
        return live(`${site} issued an access token for the client credentials (HTTP 200${expires ? `, expires in ${expires} s` : ''})`, {
          site,
          ...(scope ? { scopes: scope } : {}),
        });
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
