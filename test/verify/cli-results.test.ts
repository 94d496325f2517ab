import { describe, expect, it } from 'vitest';
import { bearer, fake, ProviderServer, runCliAsync, type SeenRequest } from '../helpers/providers.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

interface JsonFinding {
  ruleId: string;
  secret: string;
  verified?: { status: string; reason: string; facts?: Record<string, string>; revokeUrl?: string };
}

/**
 * A tree with one live, one dead and one unknown secret: a GitHub token the
 * stand-in accepts, one it rejects, and a Stripe key whose stand-in is down
 * for maintenance (HTTP 503, unknown).
 */
async function threeVerdicts(): Promise<{ dir: string; args: string[]; live: string; dead: string; unknown: string }> {
  const live = githubToken();
  const dead = githubToken();
  const unknown = fake.stripeLive();
  const github = await ProviderServer.start((r: SeenRequest) =>
    bearer(r) === live
      ? { status: 200, body: { login: 'octo-fake' }, headers: { 'x-oauth-scopes': 'repo' } }
      : { status: 401, body: { message: 'Bad credentials' } },
  );
  const stripe = await ProviderServer.start(() => ({ status: 503, body: {}, headers: { 'retry-after': '0' } }));
  const dir = tempDir();
  writeTree(dir, { 'a.env': `GH_TOKEN=${live}\nOLD_TOKEN=${dead}\nSTRIPE_SECRET_KEY=${unknown}\n` });
  const args = ['--verify', '--verify-endpoint', `github=${github.url}`, '--verify-endpoint', `stripe=${stripe.url}`];
  return { dir, args, live, dead, unknown };
}

async function scan(dir: string, args: string[]): Promise<{ code: number; findings: JsonFinding[]; stderr: string }> {
  const result = await runCliAsync(['scan', dir, '--format', 'json', '--no-redact', ...args]);
  const report = JSON.parse(result.stdout || '{"findings":[]}');
  return { code: result.code, findings: report.findings, stderr: result.stderr };
}

describe('using the verdicts (real CLI, stand-ins on 127.0.0.1)', () => {
  it("a live finding carries its facts and the provider's revocation link", async () => {
    const { dir, args, live } = await threeVerdicts();
    const { findings } = await scan(dir, args);
    expect(findings.find((f) => f.secret === live)?.verified).toEqual({
      status: 'live',
      reason: 'GitHub accepted the token (HTTP 200) as octo-fake; scopes: repo',
      facts: { account: 'octo-fake', scopes: 'repo' },
      revokeUrl: 'https://github.com/settings/tokens',
    });
  });

  it('--only-verified keeps live findings only (as --only-live does) and sets the exit code by them', async () => {
    const { dir, args, live } = await threeVerdicts();
    for (const flag of ['--only-verified', '--only-live']) {
      const { code, findings } = await scan(dir, [...args, flag]);
      expect(
        findings.map((f) => f.secret),
        flag,
      ).toEqual([live]);
      expect(code).toBe(1);
    }
  });

  it('--results picks verdicts; every finding still counts in the summary', async () => {
    const { dir, args, live, dead, unknown } = await threeVerdicts();
    const pick = async (value: string): Promise<string[]> =>
      (await scan(dir, [...args, '--results', value])).findings.map((f) => f.secret).sort();
    expect(await pick('live,unknown')).toEqual([live, unknown].sort());
    expect(await pick('dead')).toEqual([dead]);
    expect(await pick('Unknown, dead')).toEqual([dead, unknown].sort());
    const none = await scan(dir, [...args, '--results', 'dead', '--results', 'live']);
    expect(none.findings.map((f) => f.secret).sort()).toEqual([live, dead].sort());
    expect(none.stderr).toContain('verified 3 secrets: 1 live, 1 dead, 1 unknown');
  });

  it('refuses bad --results values, --results with --only-verified, and --results without --verify (exit 2)', async () => {
    const { dir, args } = await threeVerdicts();
    for (const [extra, message] of [
      [[...args, '--results', 'live,alive'], '--results: "alive" is not a verdict'],
      [[...args, '--results', ','], '--results: "" is not a verdict'],
      [[...args, '--results', 'live', '--only-verified'], 'give one of them'],
      [['--results', 'live'], '--results needs --verify'],
      [['--only-verified'], '--only-live needs --verify'],
    ] as const) {
      const result = await runCliAsync(['scan', dir, ...extra]);
      expect(result.code, extra.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });
});
