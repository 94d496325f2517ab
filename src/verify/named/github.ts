import { field, inconclusive, json, type Http } from '../http.js';
import { dead, live, unknown, type NamedVerifier } from '../types.js';

const ORIGIN = 'https://api.github.com';

/** `GET /user` (https://docs.github.com/en/rest/users/users#get-the-authenticated-user): the login, and the classic scopes in `X-OAuth-Scopes`. */
export const githubUser: NamedVerifier<{ token: string }> = {
  name: 'github-user',
  sends: { method: 'GET', path: '/user', secret: 'bearer' },
  input: (finding) => ({ token: finding.secret }),
  async verify({ token }, http: Http) {
    const answer = await http.send(ORIGIN, {
      method: 'GET',
      path: '/user',
      headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
    });
    if (answer.kind === 'response') {
      if (answer.status === 200) {
        const login = field(json(answer)?.login);
        const scopes = answer.headers
          .get('x-oauth-scopes')
          ?.replace(/[^\w:, -]/g, '')
          .trim();
        const expiry = field(answer.headers.get('github-authentication-token-expiration'));
        return live(
          `GitHub accepted the token (HTTP 200)${login ? ` as ${login}` : ''}; scopes: ${scopes || 'none listed (fine-grained or app token)'}`,
          { ...(login ? { account: login } : {}), ...(scopes ? { scopes } : {}), ...(expiry ? { expiry } : {}) },
        );
      }
      if (answer.status === 401) return dead('GitHub rejected the token (HTTP 401: bad credentials)');
      if (answer.status === 403) {
        if (answer.headers.get('x-ratelimit-remaining') === '0') return unknown('GitHub rate limit reached (HTTP 403); try again later');
        // An app installation token authenticates, but /user is not for apps.
        if (/not accessible by integration/i.test(field(json(answer)?.message) ?? ''))
          return live('GitHub accepted the token as an app installation (HTTP 403 on /user, which only valid installation tokens get)');
      }
    }
    return inconclusive(answer);
  },
};
