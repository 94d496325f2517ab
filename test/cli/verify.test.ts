import { describe, expect, it } from 'vitest';
import { signV4 } from '../../src/verify/sigv4.js';
import {
  basicCredentials,
  bearer,
  closedPort,
  fake,
  ProviderServer,
  runCliAsync,
  type Answer,
  type SeenRequest,
} from '../helpers/providers.js';
import { validateSarif } from '../helpers/sarif-schema.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  secret: string;
  fingerprint: string;
  verified?: { status: string; reason: string };
}

async function scanJson(
  dir: string,
  args: string[],
): Promise<{ code: number; findings: JsonFinding[]; stats: Record<string, unknown>; stdout: string; stderr: string }> {
  const result = await runCliAsync(['scan', dir, '--format', 'json', '--no-redact', ...args]);
  expect(result.stderr).not.toMatch(/internal error/);
  const report = JSON.parse(result.stdout);
  return { code: result.code, findings: report.findings, stats: report.stats, stdout: result.stdout, stderr: result.stderr };
}

/** A GitHub stand-in: GET /user with a bearer token. */
function githubAnswer(valid: Set<string>) {
  return (request: SeenRequest): Answer => {
    if (request.method !== 'GET' || request.path !== '/user') return { status: 404, body: { message: 'Not Found' } };
    return valid.has(bearer(request) ?? '')
      ? { status: 200, body: { login: 'octo-fake', id: 1 }, headers: { 'x-oauth-scopes': 'repo, read:org' } }
      : { status: 401, body: { message: 'Bad credentials' } };
  };
}

describe('keyhound scan --verify (real CLI against provider stand-ins on 127.0.0.1)', () => {
  it('GitHub: live with login and scopes, dead when rejected; text, JSON and SARIF say so, secrets stay redacted', async () => {
    const good = githubToken();
    const bad = githubToken();
    const server = await ProviderServer.start(githubAnswer(new Set([good])));
    const dir = tempDir();
    writeTree(dir, { 'deploy.env': `GH_TOKEN=${good}\nOLD_TOKEN=${bad}\n` });
    const endpoint = ['--verify', '--verify-endpoint', `github=${server.url}`];

    const text = await runCliAsync(['scan', dir, ...endpoint]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('LIVE: GitHub accepted the token (HTTP 200) as octo-fake; scopes: repo, read:org');
    expect(text.stdout).toContain('dead: GitHub rejected the token (HTTP 401: bad credentials)');
    expect(text.stderr).toContain('verified 2 secrets: 1 live, 1 dead, 0 unknown (2 requests)');
    for (const token of [good, bad]) expect(text.stdout + text.stderr).not.toContain(token);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /user', 'GET /user']);
    expect(server.requests.map(bearer).sort()).toEqual([good, bad].sort());

    const json = await scanJson(dir, endpoint);
    const byToken = new Map(json.findings.map((f) => [f.secret, f.verified]));
    expect(byToken.get(good)).toEqual({
      status: 'live',
      reason: expect.stringContaining('octo-fake'),
      facts: { account: 'octo-fake', scopes: 'repo, read:org' },
      revokeUrl: 'https://github.com/settings/tokens',
    });
    expect(byToken.get(bad)?.status).toBe('dead');
    expect(json.stats.verification).toEqual({ live: 1, dead: 1, unknown: 0, requests: 2 });

    const sarif = await runCliAsync(['scan', dir, '--format', 'sarif', ...endpoint]);
    const log = JSON.parse(sarif.stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const verdicts = log.runs[0].results.map((r: { properties: { verified: { status: string } } }) => r.properties.verified.status).sort();
    expect(verdicts).toEqual(['dead', 'live']);
    expect(sarif.stdout).not.toContain(good);
  });

  it('raises the SARIF level to error for a live secret whatever its severity', async () => {
    const good = fake.stripeTest();
    const bad = fake.stripeTest();
    const server = await ProviderServer.start((r) =>
      bearer(r) === good
        ? { status: 200, body: { object: 'balance', livemode: false } }
        : { status: 401, body: { error: { type: 'invalid_request_error' } } },
    );
    const dir = tempDir();
    writeTree(dir, { 'a.env': `STRIPE_KEY=${good}\n`, 'b.env': `STRIPE_KEY=${bad}\n` });
    const result = await runCliAsync(['scan', dir, '--format', 'sarif', '--verify', '--verify-endpoint', `stripe=${server.url}`]);
    const results = JSON.parse(result.stdout).runs[0].results as {
      level: string;
      ruleId: string;
      properties: { verified: { status: string } };
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
    const byFile = Object.fromEntries(results.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r]));
    expect(byFile['a.env']).toMatchObject({ ruleId: 'stripe-test-key', level: 'error', properties: { verified: { status: 'live' } } });
    // stripe-test-key is low severity: a note unless it is live.
    expect(byFile['b.env']).toMatchObject({ level: 'note', properties: { verified: { status: 'dead' } } });
  });

  it('bearer-style providers: sends each token to its own API path and reads the answer (Slack, Stripe, OpenAI, Anthropic, npm, SendGrid, GitLab)', async () => {
    const cases = [
      {
        provider: 'slack',
        make: fake.slackBot,
        line: (t: string) => `SLACK_BOT_TOKEN=${t}`,
        method: 'POST',
        path: '/api/auth.test',
        credential: bearer,
        ok: { status: 200, body: { ok: true, team: 'Fake Team', user: 'deploy-bot' } },
        no: { status: 200, body: { ok: false, error: 'invalid_auth' } },
        reason: /for team Fake Team as deploy-bot/,
      },
      {
        provider: 'stripe',
        make: fake.stripeLive,
        line: (t: string) => `STRIPE_SECRET_KEY=${t}`,
        method: 'GET',
        path: '/v1/balance',
        credential: bearer,
        ok: { status: 200, body: { object: 'balance', livemode: true } },
        no: { status: 401, body: { error: { type: 'invalid_request_error' } } },
        reason: /live mode/,
      },
      {
        provider: 'openai',
        make: fake.openai,
        line: (t: string) => `OPENAI_API_KEY=${t}`,
        method: 'GET',
        path: '/v1/models',
        credential: bearer,
        ok: { status: 200, body: { object: 'list', data: [] } },
        no: { status: 401, body: { error: { code: 'invalid_api_key' } } },
        reason: /OpenAI accepted/,
      },
      {
        provider: 'anthropic',
        make: fake.anthropic,
        line: (t: string) => `ANTHROPIC_API_KEY=${t}`,
        method: 'GET',
        path: '/v1/models',
        credential: (r: SeenRequest) => r.headers['x-api-key'] as string | undefined,
        ok: { status: 200, body: { data: [] } },
        no: { status: 401, body: { type: 'error', error: { type: 'authentication_error' } } },
        reason: /Anthropic accepted/,
      },
      {
        provider: 'npm',
        make: () => githubToken('npm_'),
        line: (t: string) => `NPM_TOKEN=${t}`,
        method: 'GET',
        path: '/-/whoami',
        credential: bearer,
        ok: { status: 200, body: { username: 'fake-publisher' } },
        no: { status: 401, body: {} },
        reason: /as fake-publisher/,
      },
      {
        provider: 'sendgrid',
        make: fake.sendgrid,
        line: (t: string) => `SENDGRID_API_KEY=${t}`,
        method: 'GET',
        path: '/v3/scopes',
        credential: bearer,
        ok: { status: 200, body: { scopes: ['mail.send', 'user.profile.read'] } },
        no: { status: 401, body: { errors: [] } },
        reason: /2 scopes/,
      },
      {
        provider: 'gitlab',
        make: fake.gitlab,
        line: (t: string) => `GITLAB_TOKEN=${t}`,
        method: 'GET',
        path: '/api/v4/personal_access_tokens/self',
        credential: (r: SeenRequest) => r.headers['private-token'] as string | undefined,
        ok: { status: 200, body: { name: 'ci-bot', scopes: ['read_api'], active: true } },
        no: { status: 401, body: { message: '401 Unauthorized' } },
        reason: /"ci-bot"; scopes: read_api/,
      },
    ];
    const dir = tempDir();
    const args = ['--verify'];
    const setups = [];
    for (const c of cases) {
      const good = c.make();
      const bad = c.make();
      const server = await ProviderServer.start((r) => (c.credential(r) === good ? c.ok : c.no));
      args.push('--verify-endpoint', `${c.provider}=${server.url}`);
      writeTree(dir, { [`${c.provider}.env`]: `${c.line(good)}\n${c.line(bad)}\n` });
      setups.push({ ...c, good, bad, server });
    }
    const { findings } = await scanJson(dir, args);
    for (const s of setups) {
      const mine = findings.filter((f) => f.path === `${s.provider}.env`);
      expect(mine.map((f) => f.secret).sort(), s.provider).toEqual([s.good, s.bad].sort());
      const good = mine.find((f) => f.secret === s.good)!;
      const bad = mine.find((f) => f.secret === s.bad)!;
      expect(good.verified?.status, `${s.provider}: ${good.verified?.reason}`).toBe('live');
      expect(good.verified?.reason, s.provider).toMatch(s.reason);
      expect(bad.verified?.status, `${s.provider}: ${bad.verified?.reason}`).toBe('dead');
      expect(
        s.server.requests.map((r) => `${r.method} ${r.path}`),
        s.provider,
      ).toEqual([`${s.method} ${s.path}`, `${s.method} ${s.path}`]);
    }
  });

  it('Twilio: signs in as the Account SID found near the auth token', async () => {
    const sid = fake.twilioSid();
    const token = fake.twilioToken();
    const server = await ProviderServer.start((r) =>
      r.path === `/2010-04-01/Accounts/${sid}.json` && basicCredentials(r) === `${sid}:${token}`
        ? { status: 200, body: { sid, status: 'active' } }
        : { status: 401, body: { code: 20003, message: 'Authenticate' } },
    );
    const dir = tempDir();
    writeTree(dir, { 'sms.py': `account_sid = "${sid}"\nauth_token = "${token}"\nclient = Client(account_sid, auth_token)\n` });
    const { findings } = await scanJson(dir, ['--verify', '--verify-endpoint', `twilio=${server.url}`]);
    expect(findings.find((f) => f.ruleId === 'twilio-auth-token')?.verified).toEqual({
      status: 'live',
      reason: `Twilio accepted the credentials for account ${sid} (HTTP 200); account active`,
      facts: { account: sid, state: 'active' },
      revokeUrl: 'https://console.twilio.com/us1/account/keys-credentials/api-keys',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('AWS: a SigV4-signed sts:GetCallerIdentity with the access key id paired with the secret', async () => {
    const keyId = fake.awsKeyId();
    const secret = fake.awsSecret();
    const otherId = fake.awsKeyId();
    const server = await ProviderServer.start((r) => {
      const credential = /Credential=([A-Z0-9]+)\//.exec(r.headers.authorization ?? '')?.[1];
      if (r.method !== 'POST' || r.body !== 'Action=GetCallerIdentity&Version=2011-06-15' || credential !== keyId) {
        return { status: 403, body: '<ErrorResponse><Error><Code>InvalidClientTokenId</Code></Error></ErrorResponse>' };
      }
      // Recompute the signature as STS would, from what arrived.
      const stamp = String(r.headers['x-amz-date']);
      const when = new Date(
        `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
      );
      const expected = signV4(
        {
          method: 'POST',
          host: String(r.headers.host),
          path: '/',
          body: r.body,
          headers: { 'content-type': String(r.headers['content-type']) },
        },
        { accessKeyId: keyId, secretAccessKey: secret },
        { region: 'us-east-1', service: 'sts' },
        when,
      ).authorization;
      return r.headers.authorization === expected
        ? {
            status: 200,
            body: `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci</Arn><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`,
          }
        : { status: 403, body: '<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code></Error></ErrorResponse>' };
    });
    const dir = tempDir();
    writeTree(dir, {
      credentials: `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`,
      'other/credentials': `[other]\naws_access_key_id = ${otherId}\naws_secret_access_key = ${fake.awsSecret()}\n`,
    });
    const { findings } = await scanJson(dir, ['--verify', '--verify-endpoint', `aws=${server.url}`]);
    const secrets = findings.filter((f) => f.ruleId.startsWith('aws-secret-access-key'));
    expect(secrets.find((f) => f.path === 'credentials')?.verified).toEqual({
      status: 'live',
      reason: 'AWS accepted the key pair (HTTP 200) as arn:aws:iam::123456789012:user/ci',
      facts: { arn: 'arn:aws:iam::123456789012:user/ci', account: '123456789012' },
      revokeUrl: 'https://console.aws.amazon.com/iam/home#/security_credentials',
    });
    expect(secrets.find((f) => f.path === 'other/credentials')?.verified).toEqual({
      status: 'dead',
      reason: `AWS does not know access key id ${otherId} (InvalidClientTokenId)`,
    });
    // The key ids alone prove nothing and are not sent anywhere on their own.
    expect(findings.filter((f) => f.ruleId === 'aws-access-key-id').map((f) => f.verified?.status)).toEqual(['unknown', 'unknown']);
    expect(server.requests).toHaveLength(2);
  });

  it('BeyondTrust: one client-credentials token request to the *.beyondtrustcloud.com site found near the secret', async () => {
    const clientId = fake.btClientId();
    const secret = fake.btSecret();
    const server = await ProviderServer.start((r) =>
      r.method === 'POST' &&
      r.path === '/oauth2/token' &&
      r.body === 'grant_type=client_credentials' &&
      basicCredentials(r) === `${clientId}:${secret}`
        ? { status: 200, body: { access_token: 'fake-access-token', token_type: 'Bearer', expires_in: 3600 } }
        : { status: 401, body: { error: 'invalid_client' } },
    );
    const dir = tempDir();
    writeTree(dir, { 'bt.env': `BT_API_HOST=acme.beyondtrustcloud.com\nBT_CLIENT_ID=${clientId}\nBT_CLIENT_SECRET=${secret}\n` });
    const { findings, stdout } = await scanJson(dir, ['--verify', '--verify-endpoint', `beyondtrust=${server.url}`]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'beyondtrust-client-secret',
      verified: {
        status: 'live',
        reason: 'acme.beyondtrustcloud.com issued an access token for the client credentials (HTTP 200, expires in 3600 s)',
      },
    });
    expect(server.requests[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    // The issued token and the paired client id are never reported.
    expect(stdout).not.toContain('fake-access-token');
    expect(stdout).not.toContain(clientId);
  });

  it('never sends a credential to a host named in scanned content unless it is a known domain or allowed with --verify-host', async () => {
    const clientId = fake.btClientId();
    const secret = fake.btSecret();
    const server = await ProviderServer.start((r) =>
      basicCredentials(r) === `${clientId}:${secret}`
        ? { status: 200, body: { access_token: 't', expires_in: 3600 } }
        : { status: 401, body: { error: 'invalid_client' } },
    );
    const dir = tempDir();
    writeTree(dir, { 'bt.env': `BT_API_HOST=support.attacker.example\nBT_CLIENT_ID=${clientId}\nBT_CLIENT_SECRET=${secret}\n` });
    const endpoint = ['--verify', '--verify-endpoint', `beyondtrust=${server.url}`];

    const refused = await scanJson(dir, endpoint);
    expect(refused.findings[0]!.verified).toEqual({
      status: 'unknown',
      reason:
        'site support.attacker.example is not a *.beyondtrustcloud.com site; not contacted (allow it with --verify-host support.attacker.example)',
    });
    expect(server.requests).toEqual([]);
    expect(refused.stats.verification).toMatchObject({ requests: 0 });

    // A look-alike of the known domain is not it either.
    writeTree(dir, {
      'bt.env': `BT_API_HOST=acme.beyondtrustcloud.com.attacker.example\nBT_CLIENT_ID=${clientId}\nBT_CLIENT_SECRET=${secret}\n`,
    });
    expect((await scanJson(dir, endpoint)).findings[0]!.verified?.status).toBe('unknown');
    expect(server.requests).toEqual([]);

    writeTree(dir, { 'bt.env': `BT_API_HOST=support.attacker.example\nBT_CLIENT_ID=${clientId}\nBT_CLIENT_SECRET=${secret}\n` });
    const allowed = await scanJson(dir, [...endpoint, '--verify-host', 'support.attacker.example']);
    expect(allowed.findings[0]!.verified?.status).toBe('live');
    expect(server.requests).toHaveLength(1);
  });

  it('decoded and verified: a BeyondTrust id:secret pair inside a Basic header, paired with the site on the line above', async () => {
    const clientId = fake.btClientId();
    const secret = fake.btSecret();
    const server = await ProviderServer.start((r) =>
      basicCredentials(r) === `${clientId}:${secret}`
        ? { status: 200, body: { access_token: 't', expires_in: 3600 } }
        : { status: 401, body: { error: 'invalid_client' } },
    );
    const dir = tempDir();
    const header = Buffer.from(`${clientId}:${secret}`).toString('base64');
    writeTree(dir, {
      'token.http': `POST https://acme.beyondtrustcloud.com/oauth2/token\nAuthorization: Basic ${header}\n\ngrant_type=client_credentials\n`,
    });
    const { findings, stdout } = await scanJson(dir, ['--verify', '--verify-endpoint', `beyondtrust=${server.url}`]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'beyondtrust-client-credentials-pair',
        line: 2,
        secret,
        decoded: 'base64',
        verified: expect.objectContaining({ status: 'live' }),
      }),
    ]);
    expect(stdout).not.toContain(clientId);
  });

  it('retries after a 429 (honouring Retry-After) and gives up on server errors after two retries; no retry after a timeout or a refused connection', async () => {
    const token = githubToken();
    const limited = await ProviderServer.start((r, n) =>
      n === 1 ? { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '0' } } : githubAnswer(new Set([token]))(r),
    );
    const dir = tempDir();
    writeTree(dir, { '.env': `GH_TOKEN=${token}\n` });
    const retried = await scanJson(dir, ['--verify', '--verify-endpoint', `github=${limited.url}`]);
    expect(retried.findings[0]!.verified?.status).toBe('live');
    expect(limited.requests).toHaveLength(2);

    const failing = await ProviderServer.start(() => ({ status: 503, body: { message: 'unavailable' }, headers: { 'retry-after': '0' } }));
    const failed = await scanJson(dir, ['--verify', '--verify-endpoint', `github=${failing.url}`]);
    const revokeUrl = 'https://github.com/settings/tokens';
    expect(failed.findings[0]!.verified).toEqual({ status: 'unknown', reason: 'the provider failed (HTTP 503)', revokeUrl });
    expect(failing.requests).toHaveLength(3);

    const silent = await ProviderServer.start(() => 'hang');
    const timedOut = await scanJson(dir, ['--verify', '--verify-timeout', '0.5', '--verify-endpoint', `github=${silent.url}`]);
    expect(timedOut.findings[0]!.verified).toEqual({
      status: 'unknown',
      reason: `${new URL(silent.url).host} did not answer within 0.5 s`,
      revokeUrl,
    });
    expect(silent.requests).toHaveLength(1);

    const down = await closedPort();
    const refused = await scanJson(dir, ['--verify', '--verify-endpoint', `github=${down}`]);
    expect(refused.findings[0]!.verified).toEqual({
      status: 'unknown',
      reason: `could not reach ${new URL(down).host} (ECONNREFUSED)`,
      revokeUrl,
    });
    expect(refused.code).toBe(1);
  });

  it('verifies each distinct secret once a run, and marks findings without a verifier unknown', async () => {
    const token = githubToken();
    const server = await ProviderServer.start(githubAnswer(new Set([token])));
    const dir = tempDir();
    writeTree(dir, { 'a.env': `GH_TOKEN=${token}\n`, 'b/c.yml': `token: ${token}\n`, 'd.env': `DB_PASSWORD=${base62(20)}\n` });
    const { findings } = await scanJson(dir, ['--verify', '--verify-endpoint', `github=${server.url}`]);
    expect(findings.filter((f) => f.secret === token).map((f) => f.verified?.status)).toEqual(['live', 'live']);
    expect(findings.find((f) => f.path === 'd.env')?.verified).toEqual({ status: 'unknown', reason: 'no verifier for generic-password' });
    expect(server.requests).toHaveLength(1);
  });

  it('--only-live reports only live secrets and sets the exit code by them', async () => {
    const good = githubToken();
    const server = await ProviderServer.start(githubAnswer(new Set([good])));
    const dir = tempDir();
    writeTree(dir, { '.env': `GH_TOKEN=${good}\nOLD=${githubToken()}\n` });
    const some = await scanJson(dir, ['--verify', '--only-live', '--verify-endpoint', `github=${server.url}`]);
    expect(some.findings.map((f) => f.secret)).toEqual([good]);
    expect(some.code).toBe(1);
    writeTree(dir, { '.env': `OLD=${githubToken()}\n` });
    const none = await scanJson(dir, ['--verify', '--only-live', '--verify-endpoint', `github=${server.url}`]);
    expect(none.findings).toEqual([]);
    expect(none.code).toBe(0);
  });

  it('sends nothing without --verify, and rejects verification options that would need it or are malformed', async () => {
    const dir = tempDir();
    writeTree(dir, { '.env': `GH_TOKEN=${githubToken()}\n` });
    const plain = JSON.parse((await runCliAsync(['scan', dir, '--format', 'json'])).stdout);
    expect(plain.findings[0].verified).toBeUndefined();
    expect(plain.stats.verification).toBeUndefined();
    for (const [args, message] of [
      [['--only-live'], '--only-live needs --verify'],
      [['--verify-endpoint', 'github=http://127.0.0.1:1'], '--verify-endpoint needs --verify'],
      [['--verify', '--verify-endpoint', 'nosuch=http://127.0.0.1:1'], 'PROVIDER one of the providers that verify'],
      [['--verify', '--verify-endpoint', 'github=http://127.0.0.1:1/api/v3'], 'give only scheme, host and port'],
      [['--verify', '--verify-host', 'https://x.example.com/'], 'is not a host name'],
      [['--decode-depth', '-1'], '--decode-depth'],
    ] as const) {
      const result = await runCliAsync(['scan', dir, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });
});
