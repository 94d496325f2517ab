import { field, inconclusive, json, type Http } from '../http.js';
import { dead, live, type NamedVerifier } from '../types.js';

const ORIGIN = 'https://gitlab.com';

/**
 * `GET /api/v4/personal_access_tokens/self` (GitLab 15.5+) names the token and
 * its scopes; an instance that does not know it (404) is asked `GET /api/v4/user`.
 * Only gitlab.com is asked: a self-managed instance's host comes from scanned
 * content, so it needs `--verify-endpoint gitlab=https://gitlab.example.com`.
 */
export const gitlabToken: NamedVerifier<{ token: string }> = {
  name: 'gitlab-token',
  sends: { method: 'GET', path: '/api/v4/personal_access_tokens/self', secret: 'header:private-token' },
  input: (finding) => ({ token: finding.secret }),
  async verify({ token }, http: Http) {
    const headers = { 'private-token': token };
    const self = await http.send(ORIGIN, { method: 'GET', path: '/api/v4/personal_access_tokens/self', headers });
    if (self.kind === 'response') {
      if (self.status === 200) {
        const body = json(self);
        const scopes = Array.isArray(body?.scopes) ? body.scopes.map(field).filter(Boolean).join(', ') : undefined;
        const name = field(body?.name);
        const expiry = field(body?.expires_at);
        return live(`GitLab accepted the token (HTTP 200)${name ? `: "${name}"` : ''}${scopes ? `; scopes: ${scopes}` : ''}`, {
          ...(name ? { name } : {}),
          ...(scopes ? { scopes } : {}),
          ...(expiry ? { expiry } : {}),
        });
      }
      if (self.status === 401) return dead('GitLab rejected the token (HTTP 401)');
      // A valid token without an API scope (read_registry only, say) may not read itself.
      if (self.status === 403) return live('GitLab knows the token but it has no API scope (HTTP 403)');
      if (self.status === 404) {
        const user = await http.send(ORIGIN, { method: 'GET', path: '/api/v4/user', headers });
        if (user.kind === 'response' && user.status === 200) {
          const username = field(json(user)?.username);
          return live(
            `GitLab accepted the token (HTTP 200)${username ? ` as ${username}` : ''}`,
            username ? { account: username } : undefined,
          );
        }
        if (user.kind === 'response' && user.status === 401) return dead('GitLab rejected the token (HTTP 401)');
        return inconclusive(user);
      }
    }
    return inconclusive(self);
  },
};
