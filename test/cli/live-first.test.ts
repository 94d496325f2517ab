import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/rules/builtin.js';
import { bearer, ProviderServer, runCliAsync } from '../helpers/providers.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * Issue 20's reporting side: which rules verify, live secrets first in every
 * report, and SARIF that ranks a live secret above the rule's own severity.
 * The provider is a stand-in on 127.0.0.1.
 */
describe('live findings lead every report', () => {
  it('text, JSON, JSONL and SARIF put the live secret first; SARIF marks it verified with a higher security-severity', async () => {
    const live = githubToken();
    const deadTokens = [githubToken(), githubToken()];
    const server = await ProviderServer.start((request) =>
      bearer(request) === live
        ? { status: 200, body: { login: 'octo-fake', id: 1 }, headers: { 'x-oauth-scopes': 'repo' } }
        : { status: 401, body: { message: 'Bad credentials' } },
    );
    const dir = tempDir();
    // The live token sits last in path order: a.env and b.env come before z.env.
    writeTree(dir, { 'a.env': `GH_TOKEN=${deadTokens[0]!}\n`, 'b.env': `GH_TOKEN=${deadTokens[1]!}\n`, 'z.env': `GH_TOKEN=${live}\n` });
    const verify = ['--verify', '--verify-endpoint', `github=${server.url}`];

    const plain = JSON.parse((await runCliAsync(['scan', dir, '--format', 'json'])).stdout) as { findings: { path: string }[] };
    expect(plain.findings.map((f) => f.path)).toEqual(['a.env', 'b.env', 'z.env']);

    const json = JSON.parse((await runCliAsync(['scan', dir, '--format', 'json', ...verify])).stdout) as {
      findings: { path: string; verified: { status: string } }[];
    };
    expect(json.findings.map((f) => `${f.path} ${f.verified.status}`)).toEqual(['z.env live', 'a.env dead', 'b.env dead']);

    const jsonl = (await runCliAsync(['scan', dir, '--format', 'jsonl', ...verify])).stdout.trim().split('\n');
    expect((JSON.parse(jsonl[0]!) as { path: string }).path).toBe('z.env');

    const text = (await runCliAsync(['scan', dir, ...verify])).stdout;
    expect(text.indexOf('z.env:1:10')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('z.env:1:10')).toBeLessThan(text.indexOf('a.env:1:10'));
    expect(text.split('\n\n')[0]).toContain('LIVE: GitHub accepted the token');

    const sarif = JSON.parse((await runCliAsync(['scan', dir, '--format', 'sarif', ...verify])).stdout) as {
      runs: {
        results: {
          level: string;
          properties: { verified: { status: string }; 'security-severity': string };
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
        tool: { driver: { rules: { properties: { 'security-severity': string } }[] } };
      }[];
    };
    const [run] = sarif.runs;
    const results = run!.results.map((r) => ({
      uri: r.locations[0]!.physicalLocation.artifactLocation.uri,
      verified: r.properties.verified.status,
      severity: Number(r.properties['security-severity']),
    }));
    expect(results[0]).toEqual({ uri: 'z.env', verified: 'live', severity: 10 });
    const ruleSeverity = Number(run!.tool.driver.rules[0]!.properties['security-severity']);
    for (const dead of results.slice(1)) {
      expect(dead.verified).toBe('dead');
      expect(dead.severity).toBe(ruleSeverity);
    }
    expect(results[0]!.severity).toBeGreaterThan(ruleSeverity);
    for (const token of [live, ...deadTokens]) expect(JSON.stringify(sarif)).not.toContain(token);
    await server.close();
  });
});

describe('keyhound rules list says which rules verify', () => {
  it('a verify column in text and a verifies field in JSON, matching the rules that carry a verify block', () => {
    const verifying = new Set(
      builtinRules()
        .filter((rule) => rule.verify !== undefined)
        .map((rule) => rule.id),
    );
    expect(verifying.size).toBeGreaterThan(5);
    const rows = JSON.parse(runCli(['rules', 'list', '--format', 'json']).stdout) as { id: string; verifies: boolean }[];
    expect(new Set(rows.filter((r) => r.verifies).map((r) => r.id))).toEqual(verifying);
    expect(rows.find((r) => r.id === 'github-pat-classic')?.verifies).toBe(true);
    expect(rows.find((r) => r.id === 'generic-password')?.verifies).toBe(false);

    const text = runCli(['rules', 'list']).stdout;
    expect(text).toMatch(/^github-pat-classic\s+critical\s+high\s+verify\s+GitHub/m);
    expect(text).toMatch(/^generic-password\s+\w+\s+low\s+-\s+Password/m);
    expect(text).toContain(`; ${verifying.size} verify with --verify`);
  });
});
